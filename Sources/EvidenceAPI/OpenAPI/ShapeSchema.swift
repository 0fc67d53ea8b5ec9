import EvidenceModel
import Foundation

/// JSON Schema of an object shape: the OpenAPI components are derived from `APIObjects`, never written twice.
enum ShapeSchema {
    /// Every field is required unless `required` names fewer (fields a route leaves out, such as meta.order).
    static func schema(_ shape: ObjectShape, required: [String]? = nil) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in shape.fields { properties[field.name] = schema(field) }
        return ["type": "object", "description": shape.description, "properties": properties,
                "required": required ?? shape.fields.map(\.name)]
    }

    static func schema(_ field: Field) -> [String: Any] {
        var schema = schema(field.type)
        if field.nullable {
            if case .object = field.type {
                schema = ["oneOf": [schema, ["type": "null"]]]
            } else if let type = schema["type"] as? String {
                schema["type"] = [type, "null"]
                if var values = schema["enum"] as? [Any] {
                    values.append(NSNull())
                    schema["enum"] = values
                }
            }
        }
        schema["description"] = field.description
        return schema
    }

    static func schema(_ type: FieldType) -> [String: Any] {
        switch type {
        case .string: return ["type": "string"]
        case .integer: return ["type": "integer"]
        case .number: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        case .enumeration(let values): return ["type": "string", "enum": values]
        case .object(let shape):
            if let name = shape.name { return ["$ref": "#/components/schemas/\(name)"] }
            return schema(shape)
        case .array(let item): return ["type": "array", "items": schema(item)]
        case .map(let value): return ["type": "object", "additionalProperties": schema(value)]
        }
    }
}

/// The shape of an API object, defined once. The OpenAPI schemas, the CSV columns of every list and the tests of
/// the JSON the store renders are all derived from these values, so that the three cannot drift apart.
public indirect enum FieldType: Sendable {
    case string
    case integer
    case number
    case boolean
    case enumeration([String])
    case object(ObjectShape)
    case array(FieldType)
    /// An object whose keys are data (counts by design, by direction).
    case map(FieldType)
}

public struct Field: Sendable {
    public var name: String
    public var type: FieldType
    public var nullable: Bool
    public var description: String

    public init(_ name: String, _ type: FieldType, nullable: Bool = false, _ description: String) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.description = description
    }
}

public struct ObjectShape: Sendable {
    /// The component name in the OpenAPI document ("Study"); nil for an inline object.
    public var name: String?
    public var description: String
    public var fields: [Field]

    public init(_ name: String? = nil, _ description: String, _ fields: [Field]) {
        self.name = name
        self.description = description
        self.fields = fields
    }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The CSV columns of this object: scalar fields by name, nested objects flattened with dots, and a list of
    /// objects as one column per scalar path, its values joined with "; " in the list's order. The header of a
    /// route is therefore the same on every page, whatever the rows hold.
    public var csvColumns: [[String]] {
        var columns: [[String]] = []
        for field in fields { Self.collect(field.type, path: [field.name], into: &columns) }
        return columns
    }

    private static func collect(_ type: FieldType, path: [String], into columns: inout [[String]]) {
        switch type {
        case .object(let shape), .array(.object(let shape)):
            for field in shape.fields { collect(field.type, path: path + [field.name], into: &columns) }
        default:
            columns.append(path)
        }
    }
}

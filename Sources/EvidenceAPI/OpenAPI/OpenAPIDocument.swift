import Foundation

/// The OpenAPI 3.1 document, generated from the route table so that paths and parameters cannot drift from
/// what the router accepts; the object schemas are in `OpenAPISchemas`.
enum OpenAPIDocument {
    static func render(_ routes: [Route]) -> [UInt8] {
        var paths: [String: Any] = [:]
        for route in routes { paths[route.path] = ["get": operation(route)] }
        paths["/openapi.json"] = ["get": [
            "operationId": "openapi", "summary": "This API described as OpenAPI 3.1.",
            "responses": ["200": ["description": "The OpenAPI document.",
                                  "content": ["application/json": ["schema": ["type": "object"]]]]],
        ] as [String: Any]]
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "evidence",
                "version": "1.0.0",
                "description": "Studies, claims and reader comments extracted from health documents, with provenance: "
                    + "every fact carries its source, its offsets (Unicode scalars, end exclusive) and the quote.",
            ],
            // Relative: the document is served by the server it describes, on whatever address it listens on.
            "servers": [["url": "/", "description": "The server that serves this document."]],
            "paths": paths,
            "components": ["schemas": OpenAPISchemas.all],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    static func operation(_ route: Route) -> [String: Any] {
        var parameters: [[String: Any]] = []
        for segment in route.segments {
            if case .value(let name) = segment {
                parameters.append(["name": name, "in": "path", "required": true, "schema": ["type": "string"],
                                   "description": "The id (for conditions and interventions, also a name or synonym)."])
            }
        }
        for spec in route.parameters where spec.documented {
            var schema = schema(for: spec)
            if let pattern = spec.pattern { schema["pattern"] = pattern }
            parameters.append(["name": spec.name, "in": "query", "required": spec.required,
                               "description": spec.description, "schema": schema])
        }
        let okSchema: [String: Any] = route.isList
            ? ["$ref": "#/components/schemas/\(route.schema)List"]
            : ["$ref": "#/components/schemas/\(route.schema)"]
        var okContent: [String: Any]
        if route.answersCSV {
            okContent = ["text/csv": ["schema": ["type": "string",
                "description": "The list as CSV: a header row of the object's fields (nested objects flattened with "
                    + "dots, lists of objects as parallel columns joined with \"; \"), the same on every page; "
                    + "meta.next_cursor is not in the CSV: page with the JSON list's cursors."]]]
        } else if route.contentType.hasPrefix("text/plain") {
            okContent = [route.contentType: ["schema": ["type": "string"]]]
        } else {
            okContent = ["application/json": ["schema": okSchema]]
        }
        let problem: [String: Any] = ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]
        var responses: [String: Any] = [
            "200": ["description": "OK", "content": okContent],
            "304": ["description": "Not Modified: the If-None-Match ETag still holds."],
            "400": ["description": "A parameter is unknown, repeated, empty or malformed.", "content": problem],
            "503": ["description": "The database cannot be read, or the query ran over its time limit.", "content": problem],
            // Answered by the HTTP server itself, before any route runs.
            "414": ["description": "The request line is longer than 8 KiB.", "content": problem],
            "431": ["description": "The header section is larger than 16 KiB or has more than 100 fields.", "content": problem],
        ]
        if route.segments.contains(where: { if case .value = $0 { return true } else { return false } }) {
            responses["404"] = ["description": "No such id.", "content": problem]
        }
        let operationID = route.path.split(separator: "/").map { part in
            part.hasPrefix("{") ? "by_" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "_")
        return ["operationId": operationID.isEmpty ? "root" : operationID, "summary": route.summary,
                "parameters": parameters, "responses": responses]
    }

    static func schema(for spec: ParameterSpec) -> [String: Any] {
        switch spec.kind {
        case .text: return ["type": "string", "minLength": 1, "maxLength": 500]
        case let .integer(min, max): return ["type": "integer", "minimum": min, "maximum": max]
        case .boolean: return ["type": "boolean"]
        case .choice(let values): return ["type": "string", "enum": values]
        }
    }
}

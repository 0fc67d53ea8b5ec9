import EvidenceModel

/// The component schemas of the OpenAPI document: the objects of the contract, with `null` allowed exactly
/// where the API may answer null.
enum OpenAPISchemas {
    static func nullable(_ type: String) -> [String: Any] { ["type": [type, "null"]] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func object(_ properties: [String: Any], required: [String]? = nil) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required ?? Array(properties.keys).sorted()]
    }
    static func list(_ item: String) -> [String: Any] {
        object(["data": ["type": "array", "items": ref(item)], "meta": ref("ListMeta")])
    }

    static var all: [String: Any] { [
        "ListMeta": ShapeSchema.schema(APIObjects.listMeta, required: ["limit", "next_cursor", "total"]),
        "SearchMeta": ShapeSchema.schema(APIObjects.listMeta, required: ["limit", "next_cursor", "total"]),
        "Problem": ShapeSchema.schema(APIObjects.problem),
        // The objects of the contract, derived from their one definition in EvidenceModel.APIObjects.
        "Study": ShapeSchema.schema(APIObjects.study),
        "Finding": ShapeSchema.schema(APIObjects.finding),
        "Source": ShapeSchema.schema(APIObjects.source),
        "Claim": ShapeSchema.schema(APIObjects.claim),
        "Comment": ShapeSchema.schema(APIObjects.comment),
        "Concept": ShapeSchema.schema(APIObjects.concept),
        "EvidenceMatrix": ShapeSchema.schema(APIObjects.evidenceMatrix),
        "SearchHit": ShapeSchema.schema(APIObjects.searchHit),
        "Health": ShapeSchema.schema(APIObjects.health, required: ["status"]),
        "Text": ["type": "string"],
        "OpenAPI": ["type": "object"],
        "StudyList": list("Study"), "FindingList": list("Finding"), "SourceList": list("Source"), "ClaimList": list("Claim"),
        "CommentList": list("Comment"), "ConceptList": list("Concept"), "SearchHitList": object(["data": ["type": "array", "items": ref("SearchHit")], "meta": ref("SearchMeta")]),
    ] }
}

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

    static var conceptRef: [String: Any] { object(["id": ["type": "string"], "name": ["type": "string"]]) }
    static var dose: [String: Any] { object(["text": ["type": "string"], "mcg_per_day": nullable("number")]) }
    /// A quantity of a study with where it is stated: its source and offsets.
    static func stated(_ properties: [String: Any]) -> [String: Any] {
        object(properties.merging(["source_id": ["type": "string"], "start": nullable("integer"), "end": nullable("integer")]) { a, _ in a })
    }
    static var mention: [String: Any] {
        object(["source_id": ["type": "string"], "start": ["type": "integer"], "end": ["type": "integer"], "quote": ["type": "string"]])
    }

    static var all: [String: Any] { [
        "ListMeta": object(["total": ["type": "integer"], "limit": ["type": "integer"], "next_cursor": nullable("string"),
                            "order": ["type": "string", "enum": ["relevance", "recent"],
                                      "description": "Only on /v1/studies with q in its default order: relevance "
                                          + "(q matches at most 1,000 studies) or recent (newest first)."]],
                           required: ["limit", "next_cursor", "total"]),
        // /v1/search says which order its hits are in: ranked (at most 1,000 matches) or by kind, newest first.
        "SearchMeta": object(["total": ["type": "integer"], "limit": ["type": "integer"], "next_cursor": nullable("string"),
                              "order": ["type": "string", "enum": ["relevance", "recent"],
                                        "description": "relevance: best matches first (q matches at most 1,000 rows "
                                            + "in all); recent: by kind (studies, claims, comments, sources), newest "
                                            + "first. total counts every match either way."]]),
        "Problem": object(["type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                           "detail": ["type": "string"]]),
        "Study": object([
            "id": ["type": "string"], "title": nullable("string"), "name": nullable("string"),
            "design": ["type": "string", "enum": StudyDesign.allCases.map(\.rawValue)],
            "evidence_level": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
            "species": ["type": ["string", "null"]],
            "population": object(["description": nullable("string"), "size": nullable("integer")]),
            "conditions": ["type": "array", "items": conceptRef],
            "interventions": ["type": "array", "items": object([
                "id": ["type": "string"], "name": ["type": "string"], "form": nullable("string"),
                "dose": ["oneOf": [stated(["text": ["type": "string"], "mcg_per_day": nullable("number")]), ["type": "null"]]],
            ])],
            "comparator": nullable("string"),
            "duration": ["oneOf": [stated(["text": ["type": "string"], "days": ["type": "number"]]), ["type": "null"]]],
            "direction": ["type": "string", "enum": Direction.allCases.map(\.rawValue)],
            "effect": nullable("string"),
            "publication": object(["journal": nullable("string"), "year": nullable("integer")]),
            "mentions": ["type": "array", "items": mention],
        ]),
        "Source": object([
            "id": ["type": "string"], "file": ["type": "string"],
            "kind": ["type": "string", "enum": SourceKind.allCases.map(\.rawValue)],
            "title": nullable("string"), "published": nullable("string"), "author": nullable("string"),
            "publisher": nullable("string"), "industry_sponsored": ["type": "boolean"],
            "sponsor_evidence": nullable("string"), "sha256": ["type": "string"], "ingested_at": ["type": "string"],
            "counts": object(["studies": ["type": "integer"], "claims": ["type": "integer"], "comments": ["type": "integer"]]),
        ]),
        "Claim": object([
            "id": ["type": "string"], "source_id": ["type": "string"], "text": ["type": "string"],
            "start": ["type": "integer"], "end": ["type": "integer"],
            "kind": ["type": "string", "enum": ClaimKind.allCases.map(\.rawValue)],
            "hedged": ["type": "boolean"], "attributed_to": nullable("string"), "study_id": nullable("string"),
            "conditions": ["type": "array", "items": conceptRef], "interventions": ["type": "array", "items": conceptRef],
        ]),
        "Comment": object([
            "id": ["type": "string"], "source_id": ["type": "string"], "number": ["type": "integer"],
            "author": ["type": "string"], "author_id": ["type": "string"], "date": nullable("string"),
            "text": ["type": "string"], "start": ["type": "integer"], "end": ["type": "integer"],
            "reply_to": nullable("string"), "is_question": ["type": "boolean"], "is_promotional": ["type": "boolean"],
            "conditions": ["type": "array", "items": conceptRef], "interventions": ["type": "array", "items": conceptRef],
            "doses": ["type": "array", "items": dose],
        ]),
        "Concept": object([
            "id": ["type": "string"], "name": ["type": "string"], "type": ["type": "string"],
            "synonyms": ["type": "array", "items": ["type": "string"]],
            "broader": ["type": "array", "items": ["type": "string"]],
            "narrower": ["type": "array", "items": ["type": "string"]],
            "study_count": ["type": "integer"], "claim_count": ["type": "integer"],
        ]),
        "EvidenceMatrix": object([
            "condition": conceptRef,
            "data": ["type": "array", "items": object([
                "intervention": conceptRef, "study_count": ["type": "integer"],
                "by_design": ["type": "object", "additionalProperties": ["type": "integer"]],
                "by_direction": ["type": "object", "additionalProperties": ["type": "integer"]],
                "best_evidence_level": nullable("integer"),
                "study_ids": ["type": "array", "items": ["type": "string"]],
                "study_ids_complete": ["type": "boolean"],
            ])],
            "meta": object(["total": ["type": "integer"]]),
        ]),
        "SearchHit": object(["type": ["type": "string", "enum": ["study", "claim", "comment", "source"]],
                             "id": ["type": "string"], "snippet": ["type": "string"], "source_id": nullable("string")]),
        "Health": object(["status": ["type": "string"], "documents": ["type": "integer"], "studies": ["type": "integer"],
                          "claims": ["type": "integer"], "comments": ["type": "integer"], "concepts": ["type": "integer"],
                          "schema_version": ["type": "integer"], "sqlite_version": ["type": "string"]],
                         required: ["status"]),
        "Text": ["type": "string"],
        "OpenAPI": ["type": "object"],
        "StudyList": list("Study"), "SourceList": list("Source"), "ClaimList": list("Claim"),
        "CommentList": list("Comment"), "ConceptList": list("Concept"), "SearchHitList": object(["data": ["type": "array", "items": ref("SearchHit")], "meta": ref("SearchMeta")]),
    ] }
}

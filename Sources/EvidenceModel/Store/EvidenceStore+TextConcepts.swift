import SQLiteDB

extension EvidenceStore {
    /// Adds the concepts a document's text made that the store does not hold yet: one row each, shared by every
    /// document that names the same phrase (the first document's wording names it), with its terms, its own
    /// closure row and its full-text entry, so that the API resolves, filters and searches them like the
    /// lexicon's. They are never removed with a document: ids of this namespace mean the same in every document.
    func insertTextConcepts(_ concepts: [Concept]) throws {
        for concept in concepts where concept.origin == .text {
            try db.run("INSERT OR IGNORE INTO concepts (id, type, name, is_form) VALUES (?, ?, ?, 0)",
                       [concept.id, concept.type.rawValue, concept.name])
            guard db.changes > 0 else { continue }
            let rowid = db.lastInsertRowID
            for (term, kind) in [(concept.name, "name")] + concept.synonyms.map({ ($0, "synonym") }) {
                try db.run("INSERT OR IGNORE INTO concept_terms (concept_id, term, term_key, kind) VALUES (?, ?, ?, ?)",
                           [concept.id, term, ConceptKey.normalize(term), kind])
            }
            try db.run("INSERT OR IGNORE INTO concept_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)",
                       [concept.id, concept.id])
            try db.run("INSERT INTO concepts_fts (rowid, name, terms) VALUES (?, ?, ?)",
                       [rowid, concept.name, concept.synonyms.joined(separator: " ; ")])
        }
    }
}

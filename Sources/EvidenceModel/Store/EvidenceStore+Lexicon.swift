import Foundation
import SQLiteDB

extension EvidenceStore {
    /// Copies the lexicon into the concept tables when it changed since the last ingest.
    /// Concepts are upserted, never dropped and re-added, so that rows pointing at them survive.
    func syncLexicon() throws {
        let fingerprint = lexiconFingerprint()
        let stored = try db.queryFirst("SELECT value FROM store_meta WHERE key = 'lexicon'") { $0.text(0) }
        guard stored != fingerprint else { return }
        try db.transaction {
            let names = Dictionary(try db.query("SELECT id, name FROM concepts") { ($0.text(0), $0.text(1)) },
                                   uniquingKeysWith: { first, _ in first })
            for concept in lexicon.concepts {
                try db.run("""
                    INSERT INTO concepts (id, type, name, is_form) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, is_form = excluded.is_form
                    """, [concept.id, concept.type.rawValue, concept.name, concept.isForm])
            }
            // The concepts made from documents' text keep their terms, closure and full-text rows: they are
            // not the lexicon's to re-fill, and their documents may never be ingested again.
            let lexiconOwned = "NOT " + TextConceptID.sqlTest("concept_id")
            try db.run("DELETE FROM concept_terms WHERE " + lexiconOwned)
            try db.run("DELETE FROM concept_links")
            try db.run("DELETE FROM concept_closure WHERE NOT " + TextConceptID.sqlTest("descendant_id"))
            try db.run("DELETE FROM concepts_fts WHERE rowid NOT IN (SELECT rowid FROM concepts WHERE "
                       + TextConceptID.sqlTest("id") + ")")
            for concept in lexicon.concepts {
                let terms: [(String, String)] = [(concept.name, "name")]
                    + concept.synonyms.map { ($0, "synonym") } + concept.abbreviations.map { ($0, "abbreviation") }
                    + concept.misspellings.map { ($0, "misspelling") } + concept.brands.map { ($0, "brand") }
                for (term, kind) in terms {
                    try db.run("INSERT OR IGNORE INTO concept_terms (concept_id, term, term_key, kind) VALUES (?, ?, ?, ?)",
                               [concept.id, term, ConceptKey.normalize(term), kind])
                }
                for broader in concept.broader {
                    try db.run("INSERT OR IGNORE INTO concept_links (broader_id, narrower_id) VALUES (?, ?)", [broader, concept.id])
                }
                try db.run("INSERT INTO concept_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)", [concept.id, concept.id])
                for ancestor in lexicon.ancestors(of: concept.id) {
                    try db.run("INSERT OR IGNORE INTO concept_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 1)",
                               [ancestor, concept.id])
                }
                let rowid = try db.queryFirst("SELECT rowid FROM concepts WHERE id = ?", [concept.id]) { $0.int64(0) } ?? 0
                try db.run("INSERT INTO concepts_fts (rowid, name, terms) VALUES (?, ?, ?)",
                           [rowid, concept.name, (concept.synonyms + concept.abbreviations + concept.brands).joined(separator: " ; ")])
            }
            // The studies' full-text entries hold their concepts' names (study_texts) and the index reads them
            // from the rows: a renamed concept means the index is rebuilt from the rows as they are now.
            if lexicon.concepts.contains(where: { concept in names[concept.id].map { $0 != concept.name } ?? false }) {
                try db.execute("INSERT INTO studies_fts (studies_fts) VALUES ('rebuild')")
            }
            try db.run("""
                INSERT INTO store_meta (key, value) VALUES ('lexicon', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, [fingerprint])
        }
    }

    private func lexiconFingerprint() -> String {
        var text = ""
        for concept in lexicon.concepts {
            text += [concept.id, concept.type.rawValue, concept.name, concept.isForm ? "form" : "",
                     concept.synonyms.joined(separator: "|"), concept.abbreviations.joined(separator: "|"),
                     concept.misspellings.joined(separator: "|"), concept.brands.joined(separator: "|"),
                     concept.broader.joined(separator: "|")].joined(separator: "\u{1f}") + "\u{1e}"
        }
        return StableID.hash(text, length: 64)
    }
}

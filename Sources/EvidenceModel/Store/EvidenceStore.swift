import Foundation
import SQLiteDB

/// The writer side of the evidence database: one connection, one transaction per document.
public final class EvidenceStore {
    public let db: Database
    let lexicon: Lexicon
    /// Full-text entries to rewrite before the current transaction commits.
    var fullText = FullTextQueue()

    public init(path: String, lexicon: Lexicon, locator: ResourceLocator = .standard) throws {
        try Database.checkCapabilities()
        db = try Database(path: path, mode: .readWrite(create: true))
        // Each document touches pages of some twenty indexes; a larger cache keeps them between documents.
        try db.execute("PRAGMA cache_size = -65536")
        try db.execute("PRAGMA temp_store = MEMORY")
        // A document writes a few hundred pages, mostly the same index pages again: checkpointing every 64 MiB
        // of WAL rather than every 4 MiB writes each page to the database once per many documents.
        try db.execute("PRAGMA wal_autocheckpoint = 16384")
        try db.execute("PRAGMA journal_size_limit = 67108864")
        self.lexicon = lexicon
        try Schema.prepare(db, locator: locator)
        try syncLexicon()
    }

    /// The stored version of a document, if any.
    public func storedVersion(file: String) throws -> (id: String, sha256: String)? {
        try db.queryFirst("SELECT id, sha256 FROM sources WHERE file = ?", [file]) { ($0.text(0), $0.text(1)) }
    }

    /// A source id for a new file: its slug, made unique when another file already has it.
    func newSourceID(file: String) throws -> String {
        var slug = StableID.sourceSlug(file: file)
        if slug.isEmpty { slug = "src" }
        let taken = try db.queryFirst("SELECT 1 FROM sources WHERE id = ?", [slug]) { _ in true } ?? false
        return taken ? "\(slug)-\(StableID.hash(file, length: 8))" : slug
    }
}

import SQLiteDB

/// Groups: several documents committed at once (see `IngestJob.storeBatch`). Each document's `write` inside a
/// group is a savepoint of its own; the full-text rows of the whole group are rewritten just before the commit.
extension EvidenceStore {
    /// Opens a group: the documents written until `commitGroup` are committed together, which writes each shared
    /// index page and full-text segment once per group instead of once per document.
    public func beginGroup() throws {
        fullText.removeAll()   // anything left from a group SQLite rolled back on its own
        try db.execute(Database.TransactionKind.immediate.rawValue)
    }

    public func commitGroup() throws {
        do {
            try fullText.flush(to: db)
            try db.execute("COMMIT")
        } catch {
            rollbackGroup()
            throw error
        }
    }

    /// Undoes every write of the group. Quiet: SQLite may have rolled it back on its own already.
    public func rollbackGroup() {
        fullText.removeAll()
        if db.isInTransaction { try? db.execute("ROLLBACK") }
    }
}

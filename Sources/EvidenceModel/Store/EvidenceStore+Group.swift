import SQLiteDB

/// Groups: several documents committed at once (see `IngestJob.storeBatch`). Each document's `write` inside a
/// group is a savepoint of its own; the full-text rows of the whole group are rewritten just before the commit.
///
/// The protocol is an explicit value, `groupState`: `closed` → `beginGroup` → `open` → `commitGroup` or
/// `rollbackGroup` → `closed`. Some SQLite errors (a full disk, an I/O error) end the transaction on their own;
/// `noteSQLiteRollback` turns that into the state `lost`, which the ingest reads instead of SQLite's flags.
public enum GroupState: Sendable, Equatable {
    case closed
    case open
    /// SQLite rolled the open group back on its own: nothing of it will be stored.
    case lost
}

extension EvidenceStore {
    /// Opens a group: the documents written until `commitGroup` are committed together, which writes each shared
    /// index page and full-text segment once per group instead of once per document.
    public func beginGroup() throws {
        fullText.removeAll()   // anything left from a group SQLite rolled back on its own
        try db.execute(Database.TransactionKind.immediate.rawValue)
        groupState = .open
    }

    public func commitGroup() throws {
        guard groupState == .open else { throw StoreError.noOpenGroup(groupState) }
        do {
            try fullText.flush(to: db)
            try db.execute("COMMIT")
            groupState = .closed
        } catch {
            rollbackGroup()
            throw error
        }
    }

    /// Undoes every write of the group. Quiet: SQLite may have rolled it back on its own already.
    public func rollbackGroup() {
        fullText.removeAll()
        if db.isInTransaction { try? db.execute("ROLLBACK") }
        groupState = .closed
    }

    /// After a write in an open group failed: records whether SQLite ended the group's transaction on its own.
    public func noteSQLiteRollback() {
        if groupState == .open && !db.isInTransaction {
            fullText.removeAll()
            groupState = .lost
        }
    }
}

/// Misuse of the store's protocol by its caller (a bug, not bad input).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noOpenGroup(GroupState)

    public var description: String {
        switch self {
        case .noOpenGroup(let state): return "commitGroup needs an open group; the group is \(state)"
        }
    }
}

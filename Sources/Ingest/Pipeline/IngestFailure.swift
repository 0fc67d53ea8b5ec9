import SQLiteDB

/// Why a document was not stored, in words a user can act on.
public enum IngestFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not become a document (empty, binary, not UTF-8, too large, unreadable).
    case unreadable(ReadError)
    /// The database cannot take writes at all; the run stops (see `DatabaseProblem`).
    case database(DatabaseProblem)
    /// This document's write failed; the others are still stored.
    case cannotStore(String)
    /// Its write succeeded, but the batch it was in did not commit.
    case notStored(because: DatabaseProblem)
    /// The run stopped before this document.
    case notAttempted(because: DatabaseProblem?)
    /// Extraction did not finish (an internal error: please report it with the document).
    case extractionUnfinished

    public var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .database(let problem): return "cannot store: \(problem)"
        case .cannotStore(let reason): return "cannot store: \(reason)"
        case .notStored(let problem): return "not stored: \(problem)"
        case .notAttempted(let problem): return "not attempted" + (problem.map { ": \($0)" } ?? "")
        case .extractionUnfinished: return "extraction did not finish"
        }
    }
}

/// A failure of the database itself: every later document would fail the same way, so the run stops.
public enum DatabaseProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case locked
    case readOnly
    case full
    case corrupt(String)
    /// SQLite undid the open batch on its own after an error.
    case batchRolledBack
    case failed(String)

    /// The problem an SQLite error stands for, or nil when it concerns one document only.
    public init?(stopping error: SQLiteError) {
        if error.isBusy { self = .locked }
        else if error.isReadOnly { self = .readOnly }
        else if error.isFull { self = .full }
        else if error.isCorrupt { self = .corrupt(error.message) }
        else { return nil }
    }

    /// Any error met while opening or committing a batch.
    public init(_ error: any Error) {
        if let error = error as? SQLiteError {
            self = DatabaseProblem(stopping: error) ?? .failed(error.message)
        } else {
            self = .failed(String(describing: error))
        }
    }

    public var description: String {
        switch self {
        case .locked: return "the database is locked by another process (another ingest?); try again when it ends"
        case .readOnly: return "the database is read-only (check the file's and folder's permissions)"
        case .full: return "the disk is full (or the database reached its size limit)"
        case .corrupt(let message): return "the database file is corrupt (\(message)); restore it or ingest into a new file"
        case .batchRolledBack: return "SQLite rolled the batch back after an error"
        case .failed(let message): return "the database failed: \(message)"
        }
    }
}

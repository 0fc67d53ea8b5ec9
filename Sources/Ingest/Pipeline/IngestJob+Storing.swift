import SQLiteDB

/// Storing a batch: one commit for the whole batch, each document still all-or-nothing.
///
/// Committing once per batch writes each shared index page, and each full-text segment, once per batch instead
/// of once per document. A savepoint per document would give the same atomicity, but SQLite keeps savepoint
/// journals in a linked list that it walks at the end of every statement, which costs more than it saves.
/// So a document whose write fails rolls back the whole group, and the group is written again without it:
/// failures are rare, and the retry costs at most one batch of writes.
extension IngestJob {
    func storeBatch(_ batch: [Prepared], abortReason: String?) -> [(DocumentReport, fatal: String?)] {
        if let abortReason { return batch.map { (notAttemptedReport($0, abortReason), abortReason) } }
        var results: [(DocumentReport, fatal: String?)?] = batch.map { item in
            if case .extracted = item.stage { return nil }
            return store(item, milliseconds: item.milliseconds)   // nothing to write: reported as it is
        }
        var fatal: String?
        while fatal == nil {
            let writing = batch.indices.filter { results[$0] == nil }
            guard !writing.isEmpty else { break }
            fatal = writeGroup(batch, writing, into: &results)
        }
        if let fatal {
            for index in batch.indices where results[index] == nil {
                results[index] = (notAttemptedReport(batch[index], fatal), fatal)
            }
        }
        return results.enumerated().map { index, result in
            result ?? (notAttemptedReport(batch[index], "not reached"), nil)
        }
    }

    /// Writes the documents at `writing` in one transaction. On the first failure the group is rolled back and
    /// only the failing document's report is kept, so that the caller writes the others again. Returns the reason
    /// to stop when the database itself failed.
    private func writeGroup(_ batch: [Prepared], _ writing: [Int],
                            into results: inout [(DocumentReport, fatal: String?)?]) -> String? {
        do {
            try store.beginGroup()
        } catch {
            return Self.problem(error)
        }
        for index in writing {
            let result = store(batch[index], milliseconds: batch[index].milliseconds)
            guard case .failed = result.0.status else {
                results[index] = result
                continue
            }
            store.rollbackGroup()
            for other in writing where other != index { results[other] = nil }
            results[index] = result
            return result.fatal
        }
        do {
            try store.commitGroup()
            return nil
        } catch {
            // Nothing of the group is stored, whatever each write said at the time.
            let reason = Self.problem(error)
            for index in writing {
                results[index] = (failedReport(batch[index], "not stored: \(reason)"), reason)
            }
            return reason
        }
    }

    func store(_ item: Prepared, milliseconds: Double) -> (DocumentReport, fatal: String?) {
        var report = DocumentReport(file: item.document.identity, status: .unchanged, bytes: item.bytes,
                                    studies: 0, claims: 0, comments: 0, milliseconds: milliseconds)
        switch item.stage {
        case .failed(let reason): report.status = .failed(reason)
        case .unchanged: report.status = .unchanged
        case .decoded: report.status = .failed("extraction did not finish")
        case .extracted(let extraction):
            do {
                switch try store.write(extraction) {
                case .added: report.status = .added
                case .updated: report.status = .updated
                case .unchanged: report.status = .unchanged
                }
                report.studies = Set(extraction.studies.map(\.identityKey)).count
                report.claims = extraction.claims.count
                report.comments = extraction.comments.count
            } catch let error as SQLiteError where error.isBusy || error.isReadOnly || error.isFull || error.isCorrupt {
                let reason = Self.databaseProblem(error)
                report.status = .failed("cannot store: \(reason)")
                return (report, reason)
            } catch {
                report.status = .failed("cannot store: \(error)")
            }
        }
        return (report, nil)
    }

    private func notAttemptedReport(_ item: Prepared, _ reason: String) -> DocumentReport {
        failedReport(item, "not attempted: \(reason)")
    }

    private func failedReport(_ item: Prepared, _ status: String) -> DocumentReport {
        DocumentReport(file: item.document.identity, status: .failed(status),
                       bytes: item.bytes, studies: 0, claims: 0, comments: 0, milliseconds: 0)
    }

    /// Any error from the database, in words a user can act on.
    private static func problem(_ error: any Error) -> String {
        guard let error = error as? SQLiteError else { return String(describing: error) }
        if error.isBusy || error.isReadOnly || error.isFull || error.isCorrupt { return databaseProblem(error) }
        return "the database failed: \(error.message)"
    }

    /// A database failure in words a user can act on.
    static func databaseProblem(_ error: SQLiteError) -> String {
        if error.isBusy { return "the database is locked by another process (another ingest?); try again when it ends" }
        if error.isReadOnly { return "the database is read-only (check the file's and folder's permissions)" }
        if error.isFull { return "the disk is full (or the database reached its size limit)" }
        return "the database file is corrupt (\(error.message)); restore it or ingest into a new file"
    }
}

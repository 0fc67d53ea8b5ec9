import SQLiteDB

/// Storing a batch: one commit for the whole batch, each document in a savepoint of its own.
///
/// Committing once per batch writes each shared index page, and each full-text segment, once per batch instead
/// of once per document. The savepoint keeps each document in its own (nested) transaction: a document whose
/// write fails is undone alone and the others are still stored; a crash before the commit leaves none of the
/// batch, so the database only ever holds whole documents.
extension IngestJob {
    func storeBatch(_ batch: [Prepared], abortReason: String?) -> [(DocumentReport, fatal: String?)] {
        if let abortReason { return batch.map { (notAttemptedReport($0, abortReason), abortReason) } }
        let writes = batch.contains { if case .extracted = $0.stage { return true } else { return false } }
        guard writes else { return batch.map { store($0, milliseconds: $0.milliseconds) } }
        do {
            try store.beginGroup()
        } catch {
            let reason = Self.problem(error)
            return batch.map { (notAttemptedReport($0, reason), reason) }
        }
        var stored: [(DocumentReport, fatal: String?)] = []
        var fatal: String?
        for item in batch {
            if let fatal {
                stored.append((notAttemptedReport(item, fatal), fatal))
                continue
            }
            let result = store(item, milliseconds: item.milliseconds)
            stored.append(result)
            fatal = result.fatal
            if fatal == nil, !store.db.isInTransaction {
                // SQLite undid the whole batch after this document's error: stop rather than store the rest alone.
                fatal = "SQLite rolled the batch back after an error in \(result.0.file)"
            }
        }
        let lost: String?
        if store.db.isInTransaction {
            do {
                try store.commitGroup()
                lost = nil
            } catch {
                lost = Self.problem(error)
            }
        } else {
            lost = fatal ?? "SQLite rolled the batch back"
        }
        guard let lost else { return stored }
        // The batch did not commit: nothing in it is stored, whatever each write said at the time.
        return stored.map { report, itemFatal in
            guard report.status == .added || report.status == .updated else { return (report, itemFatal ?? lost) }
            return (failedReport(report, "not stored: \(lost)"), itemFatal ?? lost)
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
        DocumentReport(file: item.document.identity, status: .failed("not attempted: \(reason)"),
                       bytes: item.bytes, studies: 0, claims: 0, comments: 0, milliseconds: 0)
    }

    private func failedReport(_ report: DocumentReport, _ status: String) -> DocumentReport {
        var report = report
        report.status = .failed(status)
        report.studies = 0
        report.claims = 0
        report.comments = 0
        return report
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

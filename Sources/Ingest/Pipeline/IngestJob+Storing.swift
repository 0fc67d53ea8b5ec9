import SQLiteDB

/// Storing a batch: one commit for the whole batch, each document in a savepoint of its own.
///
/// Committing once per batch writes each shared index page, and each full-text segment, once per batch instead
/// of once per document. The savepoint keeps each document in its own (nested) transaction: a document whose
/// write fails is undone alone and the others are still stored; a crash before the commit leaves none of the
/// batch, so the database only ever holds whole documents.
extension IngestJob {
    func storeBatch(_ batch: [Prepared], abortReason: DatabaseProblem?) -> [(DocumentReport, fatal: DatabaseProblem?)] {
        if let abortReason { return batch.map { (notAttemptedReport($0, abortReason), abortReason) } }
        let writes = batch.contains { if case .extracted = $0.stage { return true } else { return false } }
        guard writes else { return batch.map { store($0, milliseconds: $0.milliseconds) } }
        do {
            try store.beginGroup()
        } catch {
            let problem = DatabaseProblem(error)
            return batch.map { (notAttemptedReport($0, problem), problem) }
        }
        var stored: [(DocumentReport, fatal: DatabaseProblem?)] = []
        var fatal: DatabaseProblem?
        for item in batch {
            if let fatal {
                stored.append((notAttemptedReport(item, fatal), fatal))
                continue
            }
            let result = store(item, milliseconds: item.milliseconds)
            stored.append(result)
            fatal = result.fatal
            store.noteSQLiteRollback()
            if fatal == nil, store.groupState == .lost {
                // SQLite undid the whole batch after this document's error: stop rather than store the rest alone.
                fatal = .batchRolledBack
            }
        }
        let lost: DatabaseProblem?
        if store.groupState == .open {
            do {
                try store.commitGroup()
                lost = nil
            } catch {
                lost = DatabaseProblem(error)
            }
        } else {
            store.rollbackGroup()
            lost = fatal ?? .batchRolledBack
        }
        guard let lost else { return stored }
        // The batch did not commit: nothing in it is stored, whatever each write said at the time.
        return stored.map { report, itemFatal in
            guard report.status == .added || report.status == .updated else { return (report, itemFatal ?? lost) }
            return (failedReport(report, .notStored(because: lost)), itemFatal ?? lost)
        }
    }

    func store(_ item: Prepared, milliseconds: Double) -> (DocumentReport, fatal: DatabaseProblem?) {
        var report = DocumentReport(file: item.document.identity, status: .unchanged, bytes: item.bytes,
                                    studies: 0, claims: 0, comments: 0, milliseconds: milliseconds)
        switch item.stage {
        case .failed(let failure): report.status = .failed(failure)
        case .unchanged: report.status = .unchanged
        case .decoded: report.status = .failed(.extractionUnfinished)
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
            } catch let error as SQLiteError {
                if let problem = DatabaseProblem(stopping: error) {
                    report.status = .failed(.database(problem))
                    return (report, problem)
                }
                report.status = .failed(.cannotStore(error.description))
            } catch {
                report.status = .failed(.cannotStore(String(describing: error)))
            }
        }
        return (report, nil)
    }

    private func notAttemptedReport(_ item: Prepared, _ problem: DatabaseProblem) -> DocumentReport {
        DocumentReport(file: item.document.identity, status: .failed(.notAttempted(because: problem)),
                       bytes: item.bytes, studies: 0, claims: 0, comments: 0, milliseconds: 0)
    }

    private func failedReport(_ report: DocumentReport, _ failure: IngestFailure) -> DocumentReport {
        var report = report
        report.status = .failed(failure)
        report.studies = 0
        report.claims = 0
        report.comments = 0
        return report
    }
}

import Dispatch
import SQLiteDB
import Foundation

/// The result of ingesting one document.
public struct DocumentReport: Sendable {
    public enum Status: Sendable, Equatable {
        case added, updated, unchanged
        case failed(String)

        public var label: String {
            switch self {
            case .added: return "added"
            case .updated: return "updated"
            case .unchanged: return "unchanged"
            case .failed(let reason): return "failed: \(reason)"
            }
        }
    }

    public var file: String
    public var status: Status
    public var bytes: Int
    public var studies: Int
    public var claims: Int
    public var comments: Int
    public var milliseconds: Double
}

/// Runs discovery, reading, extraction and storing over a set of paths.
///
/// Extraction is pure and runs in parallel over a batch of documents; storing is serial, one transaction per
/// document, in discovery order. A document that fails is reported and skipped; the others are still stored.
public struct IngestJob {
    public let pipeline: Pipeline
    public let store: EvidenceStore
    public var reader = DocumentReader()
    public var discovery = DocumentDiscovery()
    public var batchSize = 32

    public init(pipeline: Pipeline, store: EvidenceStore) {
        self.pipeline = pipeline
        self.store = store
    }

    /// Ingests everything under `paths`, calling `report` after each document (on the calling thread).
    ///
    /// When the database itself fails (locked by another writer, read-only, full or corrupt), every later
    /// document would fail the same way after its own wait: the run stops, reports the rest as not attempted,
    /// and returns the reason as `abortReason`.
    public func run(_ paths: [String], report: (DocumentReport, _ done: Int, _ total: Int) -> Void)
        -> (reports: [DocumentReport], abortReason: String?) {
        let found = discovery.discover(paths)
        var reports: [DocumentReport] = []
        var pending: [DiscoveredDocument] = []
        var abortReason: String?
        func flush() {
            if let reason = abortReason {
                for document in pending {
                    let item = DocumentReport(file: document.identity, status: .failed("not attempted: \(reason)"),
                                              bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0)
                    reports.append(item)
                    report(item, reports.count, found.count)
                }
                pending.removeAll()
                return
            }
            for (item, fatal) in process(pending) {
                reports.append(item)
                report(item, reports.count, found.count)
                if let fatal, abortReason == nil { abortReason = fatal }
            }
            pending.removeAll()
        }
        for entry in found {
            switch entry {
            case .success(let document):
                pending.append(document)
                if pending.count >= batchSize || abortReason != nil { flush() }
            case .failure(let failure):
                flush()
                let item = DocumentReport(file: failure.identity, status: .failed(failure.reason.description),
                                          bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0)
                reports.append(item)
                report(item, reports.count, found.count)
            }
        }
        flush()
        return (reports, abortReason)
    }

    /// One batch: read and hash serially (cheap), extract changed documents in parallel, store in order.
    private func process(_ batch: [DiscoveredDocument]) -> [(DocumentReport, fatal: String?)] {
        guard !batch.isEmpty else { return [] }
        let started = DispatchTime.now()
        var prepared: [Prepared] = batch.map { prepare($0) }
        let work = prepared.indices.filter { if case .decoded = prepared[$0].stage { return true } else { return false } }
        let results = ExtractionResults(count: work.count)
        let pipeline = self.pipeline
        let inputs = work.map { prepared[$0] }
        DispatchQueue.concurrentPerform(iterations: inputs.count) { position in
            guard case .decoded(let text, let sha) = inputs[position].stage else { return }
            let document = inputs[position].document
            results.set(position, pipeline.extract(file: document.identity, text: text, sha256: sha, format: document.format))
        }
        for (position, index) in work.enumerated() {
            if let extraction = results.get(position) { prepared[index].stage = .extracted(extraction) }
        }
        let batchMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        var stored: [(DocumentReport, fatal: String?)] = []
        for item in prepared {
            // After a fatal database error the rest of the batch is not attempted either.
            if let fatal = stored.last?.fatal {
                stored.append((DocumentReport(file: item.document.identity, status: .failed("not attempted: \(fatal)"),
                                              bytes: item.bytes, studies: 0, claims: 0, comments: 0, milliseconds: 0), fatal))
                continue
            }
            stored.append(store(item, milliseconds: batchMilliseconds / Double(batch.count)))
        }
        return stored
    }

    private struct Prepared {
        enum Stage {
            case failed(String)
            case unchanged
            case decoded(String, sha256: String)
            case extracted(Extraction)
        }
        var document: DiscoveredDocument
        var bytes: Int
        var stage: Stage
    }

    private func prepare(_ document: DiscoveredDocument) -> Prepared {
        do {
            let file = try reader.load(path: document.path)
            if try store.storedVersion(file: document.identity)?.sha256 == file.sha256 {
                return Prepared(document: document, bytes: file.bytes.count, stage: .unchanged)
            }
            let text = try reader.decode(file, format: document.format)
            return Prepared(document: document, bytes: file.bytes.count, stage: .decoded(text, sha256: file.sha256))
        } catch let error as ReadError {
            return Prepared(document: document, bytes: 0, stage: .failed(error.description))
        } catch {
            return Prepared(document: document, bytes: 0, stage: .failed(String(describing: error)))
        }
    }

    private func store(_ item: Prepared, milliseconds: Double) -> (DocumentReport, fatal: String?) {
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

    /// A database failure in words a user can act on.
    static func databaseProblem(_ error: SQLiteError) -> String {
        if error.isBusy { return "the database is locked by another process (another ingest?); try again when it ends" }
        if error.isReadOnly { return "the database is read-only (check the file's and folder's permissions)" }
        if error.isFull { return "the disk is full (or the database reached its size limit)" }
        return "the database file is corrupt (\(error.message)); restore it or ingest into a new file"
    }
}

/// Slots that parallel extraction fills, one per document; each slot is written by exactly one iteration.
private final class ExtractionResults: @unchecked Sendable {
    // Safe because concurrentPerform gives each index to one iteration, and reads happen after it returns;
    // the lock makes the hand-over explicit rather than relying on that ordering alone.
    private var slots: [Extraction?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Extraction) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Extraction? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}

import Dispatch
import SQLiteDB
import Synchronization
import Foundation
import EvidenceModel

/// The result of ingesting one document.
public struct DocumentReport: Sendable {
    public enum Status: Sendable, Equatable {
        case added, updated, unchanged
        case failed(String)
        /// A file of another type inside a folder: not a document, not a failure.
        case skipped(String)

        public var label: String {
            switch self {
            case .added: return "added"
            case .updated: return "updated"
            case .unchanged: return "unchanged"
            case .failed(let reason): return "failed: \(reason)"
            case .skipped(let reason): return "skipped: \(reason)"
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
/// Extraction is pure and runs in parallel over a batch of documents; storing is serial, in discovery order,
/// each document atomic: a batch commits once, and a document that fails is reported and left out while the
/// others are still stored (see `storeBatch`).
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
    /// Batches overlap: while one batch is stored (serially, one transaction per document, in discovery order),
    /// the next one is extracted on the other cores. Database reads and writes stay on the calling thread.
    ///
    /// When the database itself fails (locked by another writer, read-only, full or corrupt), every later
    /// document would fail the same way after its own wait: the run stops, reports the rest as not attempted,
    /// and returns the reason as `abortReason`.
    public func run(_ paths: [String], report: (DocumentReport, _ done: Int, _ total: Int) -> Void)
        -> (reports: [DocumentReport], abortReason: String?) {
        let found = discovery.discover(paths)
        var reports: [DocumentReport] = []
        var pending: [DiscoveredDocument] = []
        var ready: [Prepared] = []
        var abortReason: String?
        func emit(_ item: DocumentReport) {
            reports.append(item)
            report(item, reports.count, found.count)
        }
        func storeReady() {
            for (item, fatal) in storeBatch(ready, abortReason: abortReason) {
                emit(item)
                if let fatal, abortReason == nil { abortReason = fatal }
            }
            ready.removeAll()
        }
        /// Extracts the pending batch in the background while the ready one is stored.
        func advance() {
            guard !pending.isEmpty else { return }
            let next = abortReason == nil ? pending.map { prepare($0) } : pending.map { notAttempted($0) }
            pending.removeAll()
            let extracted = Mutex<[Prepared]>([])
            let group = DispatchGroup()
            let pipeline = self.pipeline
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                let result = Self.extract(next, pipeline: pipeline)
                extracted.withLock { $0 = result }
            }
            storeReady()
            group.wait()
            ready = extracted.withLock { $0 }
        }
        for entry in found {
            switch entry {
            case .document(let document):
                pending.append(document)
                if pending.count >= batchSize { advance() }
            case .failure(let failure):
                // Reports keep discovery order: everything before the failure is stored first.
                advance()
                storeReady()
                emit(DocumentReport(file: failure.identity, status: .failed(failure.reason.description),
                                    bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0))
            case let .skipped(identity, reason):
                advance()
                storeReady()
                emit(DocumentReport(file: identity, status: .skipped(reason),
                                    bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0))
            }
        }
        advance()
        storeReady()
        return (reports, abortReason)
    }

    /// Extracts the decoded documents of a batch in parallel. Pure: no database access.
    private static func extract(_ batch: [Prepared], pipeline: Pipeline) -> [Prepared] {
        var prepared = batch
        let work = prepared.indices.filter { if case .decoded = prepared[$0].stage { return true } else { return false } }
        let results = ExtractionResults(count: work.count)
        let inputs = work.map { prepared[$0] }
        DispatchQueue.concurrentPerform(iterations: inputs.count) { position in
            guard case .decoded(let read, let sha) = inputs[position].stage else { return }
            let document = inputs[position].document
            let started = DispatchTime.now()
            let extraction = pipeline.extract(file: document.identity, text: read.text, sha256: sha, format: document.format,
                                              outline: read.outline)
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            results.set(position, extraction, milliseconds)
        }
        for (position, index) in work.enumerated() {
            if let (extraction, milliseconds) = results.get(position) {
                prepared[index].stage = .extracted(extraction)
                prepared[index].milliseconds = milliseconds
            }
        }
        return prepared
    }

    private func notAttempted(_ document: DiscoveredDocument) -> Prepared {
        Prepared(document: document, bytes: 0, stage: .failed("not attempted"))
    }

    struct Prepared: Sendable {
        enum Stage: Sendable {
            case failed(String)
            case unchanged
            case decoded(ReadDocument, sha256: String)
            case extracted(Extraction)
        }
        var document: DiscoveredDocument
        var bytes: Int
        var stage: Stage
        var milliseconds: Double = 0
    }

    private func prepare(_ document: DiscoveredDocument) -> Prepared {
        do {
            let file = try reader.load(path: document.path)
            if try store.storedVersion(file: document.identity)?.sha256 == file.sha256 {
                return Prepared(document: document, bytes: file.bytes.count, stage: .unchanged)
            }
            let read = try reader.read(file, format: document.format)
            return Prepared(document: document, bytes: file.bytes.count, stage: .decoded(read, sha256: file.sha256))
        } catch let error as ReadError {
            return Prepared(document: document, bytes: 0, stage: .failed(error.description))
        } catch {
            return Prepared(document: document, bytes: 0, stage: .failed(String(describing: error)))
        }
    }
}

/// Slots that parallel extraction fills, one per document, with the time each took.
private final class ExtractionResults: Sendable {
    private let slots: Mutex<[(Extraction, Double)?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Extraction, _ milliseconds: Double) {
        slots.withLock { $0[index] = (value, milliseconds) }
    }

    func get(_ index: Int) -> (Extraction, Double)? {
        slots.withLock { $0[index] }
    }
}

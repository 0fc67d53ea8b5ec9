import Dispatch
import SQLiteDB
import Synchronization
import Foundation
import EvidenceModel

/// The result of ingesting one document.
public struct DocumentReport: Sendable {
    public enum Status: Sendable, Equatable {
        case added, updated, unchanged
        case failed(IngestFailure)
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
/// Extraction is pure and runs on every core, documents read ahead of the writer; storing is serial, in
/// discovery order, each document atomic: a batch commits once, and a document that fails is reported and left
/// out while the others are still stored (see `storeBatch`).
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
    /// Extraction runs on every core (`ExtractionPool`) while the calling thread stores, in discovery order, a
    /// batch at a time (one transaction per document inside the batch's, see `storeBatch`). At most
    /// `2 × batchSize` documents are read ahead of the one being stored. Database reads and writes stay on the
    /// calling thread.
    ///
    /// When the database itself fails (locked by another writer, read-only, full or corrupt), every later
    /// document would fail the same way after its own wait: the run stops, reports the rest as not attempted,
    /// and returns the reason as `abortReason`.
    public func run(_ paths: [String], report: (DocumentReport, _ done: Int, _ total: Int) -> Void)
        -> (reports: [DocumentReport], abortReason: DatabaseProblem?) {
        let found = discovery.discover(paths)
        var reports: [DocumentReport] = []
        var abortReason: DatabaseProblem?
        let pool = ExtractionPool(pipeline: pipeline, workers: ProcessInfo.processInfo.activeProcessorCount)
        defer { pool.close() }
        /// Discovery's entries in order, read ahead: a document being extracted (by its sequence number), one
        /// that needs no extraction, or a report of its own (a file that could not be read or was skipped).
        enum Slot { case extracting(Int), ready(Prepared), report(DocumentReport) }
        var slots: [Slot] = []
        var slotHead = 0
        var nextEntry = 0
        var sequence = 0
        let readAhead = max(2, 2 * batchSize)
        func emit(_ item: DocumentReport) {
            reports.append(item)
            report(item, reports.count, found.count)
        }
        func readAheadOfWriter() {
            while slots.count - slotHead < readAhead, nextEntry < found.count {
                switch found[nextEntry] {
                case .document(let document):
                    let prepared = abortReason == nil ? prepare(document) : notAttempted(document)
                    if case .decoded = prepared.stage {
                        pool.submit(prepared, sequence: sequence)
                        slots.append(.extracting(sequence))
                        sequence += 1
                    } else {
                        slots.append(.ready(prepared))
                    }
                case .failure(let failure):
                    slots.append(.report(DocumentReport(file: failure.identity, status: .failed(.unreadable(failure.reason)),
                                                        bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0)))
                case let .skipped(identity, reason):
                    slots.append(.report(DocumentReport(file: identity, status: .skipped(reason),
                                                        bytes: 0, studies: 0, claims: 0, comments: 0, milliseconds: 0)))
                }
                nextEntry += 1
            }
        }
        readAheadOfWriter()
        while slotHead < slots.count {
            if case .report(let item) = slots[slotHead] {
                emit(item)
                slotHead += 1
                readAheadOfWriter()
                continue
            }
            // A batch: up to batchSize documents in a row; a report of its own ends it (reports keep discovery order).
            var batch: [Prepared] = []
            while batch.count < batchSize, slotHead < slots.count {
                let slot = slots[slotHead]
                if case .report = slot { break }
                if case .ready(let item) = slot { batch.append(item) }
                if case .extracting(let number) = slot { batch.append(pool.take(number)) }
                slotHead += 1
                readAheadOfWriter()
            }
            for (item, fatal) in storeBatch(batch, abortReason: abortReason) {
                emit(item)
                if let fatal, abortReason == nil { abortReason = fatal }
            }
            if slotHead >= 4 * readAhead {
                slots.removeFirst(slotHead)
                slotHead = 0
            }
        }
        return (reports, abortReason)
    }

    /// Extracts one decoded document. Pure: no database access; runs on the pool's workers.
    static func extract(_ item: Prepared, pipeline: Pipeline) -> Prepared {
        guard case .decoded(let read, let sha) = item.stage else { return item }
        var prepared = item
        let started = DispatchTime.now()
        let extraction = pipeline.extract(file: item.document.identity, text: read.text, sha256: sha,
                                          format: item.document.format, outline: read.outline)
        prepared.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        prepared.stage = .extracted(extraction)
        return prepared
    }

    private func notAttempted(_ document: DiscoveredDocument) -> Prepared {
        Prepared(document: document, bytes: 0, stage: .failed(.notAttempted(because: nil)))
    }

    struct Prepared: Sendable {
        enum Stage: Sendable {
            case failed(IngestFailure)
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
            return Prepared(document: document, bytes: 0, stage: .failed(.unreadable(error)))
        } catch let error as SQLiteError {
            return Prepared(document: document, bytes: 0,
                            stage: .failed(DatabaseProblem(stopping: error).map { .database($0) } ?? .cannotStore(error.description)))
        } catch {
            return Prepared(document: document, bytes: 0, stage: .failed(.unreadable(.unreadable(reason: String(describing: error)))))
        }
    }
}

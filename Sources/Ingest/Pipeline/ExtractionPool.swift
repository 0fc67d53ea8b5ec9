import Dispatch
import Synchronization

/// Extracts documents on every core while the ingest's one writer stores: worker threads take the submitted
/// documents in order and the writer takes their results back in the same order, waiting only for the one it
/// needs next. Extraction is pure, so the order in which workers finish changes nothing that is stored.
///
/// Replaces extracting a whole batch and then waiting for its slowest document: the workers never stand still
/// at a batch's end while the writer stores it, as long as documents are submitted ahead (see `IngestJob.run`,
/// which bounds how many are in flight).
final class ExtractionPool: Sendable {
    private struct State {
        var queue: [(sequence: Int, item: IngestJob.Prepared)] = []
        var head = 0
        var finished: [Int: IngestJob.Prepared] = [:]
        var closed = false
    }

    private let state = Mutex(State())
    /// One signal per submitted document, and one per worker when the pool closes.
    private let submitted = DispatchSemaphore(value: 0)
    /// One signal per finished document.
    private let done = DispatchSemaphore(value: 0)
    private let workers: Int
    private let group = DispatchGroup()

    init(pipeline: Pipeline, workers: Int) {
        self.workers = max(1, workers)
        for _ in 0..<self.workers {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in work(pipeline) }
        }
    }

    /// Hands a decoded document to the workers; `take(sequence)` gives its extraction back.
    func submit(_ item: IngestJob.Prepared, sequence: Int) {
        state.withLock { $0.queue.append((sequence, item)) }
        submitted.signal()
    }

    /// The extracted document of `sequence`, waiting until a worker has finished it.
    func take(_ sequence: Int) -> IngestJob.Prepared {
        while true {
            if let item = state.withLock({ $0.finished.removeValue(forKey: sequence) }) { return item }
            // A signal may belong to a document taken earlier without waiting: then this loops once more.
            done.wait()
        }
    }

    /// Lets the workers end once the queue is empty, and waits for them.
    func close() {
        state.withLock { $0.closed = true }
        for _ in 0..<workers { submitted.signal() }
        group.wait()
    }

    private func work(_ pipeline: Pipeline) {
        while true {
            submitted.wait()
            let next: (sequence: Int, item: IngestJob.Prepared)? = state.withLock { state in
                guard state.head < state.queue.count else { return nil }
                defer {
                    state.head += 1
                    // Drop what was taken now and then, so that the queue does not keep every document of the run.
                    if state.head >= 64 { state.queue.removeFirst(state.head); state.head = 0 }
                }
                return state.queue[state.head]
            }
            guard let next else {
                if state.withLock({ $0.closed }) { return }
                continue
            }
            let extracted = IngestJob.extract(next.item, pipeline: pipeline)
            state.withLock { $0.finished[next.sequence] = extracted }
            done.signal()
        }
    }
}

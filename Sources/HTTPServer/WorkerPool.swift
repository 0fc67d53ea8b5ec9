import DequeModule
import Foundation

/// A fixed set of threads that run handlers off the event loops, for handlers that may
/// block (slow SQL): a slow request then holds one worker, not every connection of a
/// loop. Fixed size on purpose: Dispatch's global queues grow about a thread a second
/// under blocking work and can explode to hundreds (see the pitfalls reference, P13).
final class WorkerPool: Sendable {
    struct Job: Sendable {
        var request: HTTPRequest
        var exchange: Exchange
        var loop: EventLoop
    }

    private struct State: Sendable {
        var jobs = Deque<Job>()
        var stopping = false
    }

    private let state = Locked(State())
    private let available = DispatchSemaphore(value: 0)
    private let handler: HTTPHandler
    let threadCount: Int

    init(threads: Int, handler: @escaping HTTPHandler) {
        self.threadCount = max(1, threads)
        self.handler = handler
    }

    func start() {
        for index in 0..<threadCount {
            let thread = Thread { [self] in run() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    func submit(_ job: Job) {
        state.withLock { $0.jobs.append(job) }
        available.signal()
    }

    /// Lets the threads finish the queued jobs and end. Does not wait for them: a
    /// handler stuck past the grace period must not hold shutdown.
    func stop() {
        state.withLock { $0.stopping = true }
        for _ in 0..<threadCount { available.signal() }
    }

    private func run() {
        while true {
            available.wait()
            let next: Job?? = state.withLock { s in
                if let job = s.jobs.popFirst() { return .some(job) }
                return s.stopping ? .none : .some(nil)
            }
            guard let job = next else { return }
            guard let job else { continue }
            let response = handler(job.request)
            job.loop.post(.completed(job.exchange, response))
        }
    }
}

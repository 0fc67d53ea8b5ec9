import Foundation

/// One thread per server that looks at every loop each `interval` and, when a loop's
/// runners have all been inside handlers for longer than the threshold, starts a thread
/// that takes the loop over (see `LoopBaton`). It sleeps while the server has no
/// connection, so an idle server is not woken 100 times a second.
///
/// `@unchecked Sendable`: `loops` is written once before `start()`; the rest is behind
/// `condition`.
final class HandlerWatchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopping = false
    private var connections = 0
    private var loops: [EventLoop] = []
    private let threshold: UInt64
    private let interval: TimeInterval
    private let metrics: ServerMetrics

    init(threshold: TimeInterval, metrics: ServerMetrics) {
        self.metrics = metrics
        self.threshold = nanos(threshold)
        // Half the threshold: a stalled loop is noticed between 1 and 1.5 thresholds late.
        self.interval = max(0.001, threshold / 2)
    }

    func start(loops: [EventLoop]) {
        self.loops = loops
        let thread = Thread { [self] in run() }
        thread.name = "http-watchdog"
        thread.start()
    }

    func stop() {
        condition.lock()
        stopping = true
        loops = []
        condition.signal()
        condition.unlock()
    }

    /// Connections opened and closed, so the watchdog knows when it may sleep.
    func connectionOpened() {
        condition.lock()
        connections += 1
        if connections == 1 { condition.signal() }
        condition.unlock()
    }

    func connectionClosed() {
        condition.lock()
        connections -= 1
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while !stopping {
            if connections <= 0 {
                condition.wait()
                continue
            }
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
            if stopping { break }
            let now = monotonicNanos()
            for loop in loops where loop.baton.takeOverIfStalled(now: now, threshold: threshold) {
                metrics.loopTakeovers.withLock { $0 += 1 }
                let thread = Thread { loop.run(takingOver: true) }
                thread.name = "http-loop-\(loop.index)+"
                thread.stackSize = 4 << 20
                thread.start()
            }
        }
        condition.unlock()
    }
}

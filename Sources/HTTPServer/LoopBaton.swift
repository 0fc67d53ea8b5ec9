import Foundation

/// Who may run an event loop's code, so that a slow handler holds only its own request.
///
/// Handlers run inline on the loop's thread (no hand-off on the hot path), but with the
/// baton released: a handler that is still running after `handlerStallThreshold` makes the
/// `HandlerWatchdog` start a fresh thread that takes the baton and goes on running the
/// loop (epoll, reads, other handlers) while the slow handler finishes on the old one.
/// When it returns, the old thread takes the baton back, finishes its request, and at the
/// top of the loop one of the two runners leaves. Only the thread holding the baton
/// touches the loop's state, so the loop stays single-threaded at every moment.
///
/// `@unchecked Sendable`: `baton` is a lock used only through the methods below, each of
/// which locks and unlocks it on the same thread; `counts` is behind its own lock.
final class LoopBaton: @unchecked Sendable {
    private let baton = NSLock()

    private struct Counts: Sendable {
        /// Runners not inside a handler: the one holding the baton and those waiting for it.
        var active = 1
        /// Threads inside a handler, the baton released.
        var inHandler = 0
        /// Since when no thread has been active (all of the loop's runners are in handlers).
        var unattendedSince: UInt64 = 0
        /// The loop has ended; no takeover any more.
        var finished = false
    }

    private let counts = Locked(Counts())
    /// Handlers of this loop that may run at once; beyond it a request is refused with 503.
    let maxHandlers: Int

    init(maxHandlers: Int) {
        self.maxHandlers = max(1, maxHandlers)
    }

    /// Waits for the baton (a runner starting or coming back from a handler).
    func acquire() { baton.lock() }

    /// At the top of a loop iteration: true when another runner waits for the baton, or
    /// the loop has ended, in which case this one must `leave()` (it holds no state on its
    /// stack there).
    var shouldLeave: Bool { counts.withLock { $0.active > 1 || $0.finished } }

    /// The runner stops running the loop and gives the baton up.
    func leave() {
        counts.withLock { $0.active -= 1 }
        baton.unlock()
    }

    /// Releases the baton for a handler; false (baton kept) when `maxHandlers` handlers of
    /// this loop are already running, so the caller answers 503 instead.
    func beginHandler(now: UInt64) -> Bool {
        let admitted = counts.withLock { c -> Bool in
            guard c.inHandler < maxHandlers else { return false }
            c.active -= 1
            c.inHandler += 1
            if c.active == 0 { c.unattendedSince = now }
            return true
        }
        if admitted { baton.unlock() }
        return admitted
    }

    /// Takes the baton back after a handler. `wake` is called when another runner took
    /// the loop over meanwhile, so that it leaves its epoll wait and yields.
    /// Returns whether that happened: events this thread read before the handler are stale.
    @discardableResult
    func endHandler(wake: () -> Void) -> Bool {
        let contended = counts.withLock { c -> Bool in
            c.inHandler -= 1
            c.active += 1
            return c.active > 1
        }
        if contended { wake() }
        baton.lock()
        return contended
    }

    /// For the watchdog: when every runner has been inside a handler for `threshold`
    /// nanoseconds or more, counts one more active runner and returns true; the caller
    /// must then start a thread that runs the loop.
    func takeOverIfStalled(now: UInt64, threshold: UInt64) -> Bool {
        counts.withLock { c in
            guard !c.finished, c.active == 0, c.inHandler > 0, now >= c.unattendedSince + threshold else { return false }
            c.active += 1
            return true
        }
    }

    /// Marks the loop ended (called by the runner that ends it, holding the baton).
    func finish() { counts.withLock { $0.finished = true } }
    var isFinished: Bool { counts.withLock { $0.finished } }
    var handlersRunning: Int { counts.withLock { $0.inHandler } }
}

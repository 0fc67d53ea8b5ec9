import Foundation
import Glibc

/// An HTTP/1.1 server on BSD sockets and epoll: `threads` event loops, each parsing
/// requests and running the handler inline on its connections; a handler that runs
/// longer than `handlerStallThreshold` keeps its thread while another takes its loop over.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    private let handler: HTTPHandler
    private let lifecycle = Locked<Lifecycle>(.idle)

    private enum Lifecycle: Sendable {
        case idle
        case running(Running)
        case stopping(Running)
        case stopped
    }

    private struct Running: Sendable {
        var loops: [EventLoop]
        var shared: ServerShared
        var port: Int
    }

    public init(configuration: ServerConfiguration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        self.metrics = ServerMetrics(shardCount: max(1, configuration.threads))
    }

    /// The bound port while running, else nil.
    public var port: Int? {
        lifecycle.withLock { state in
            if case .running(let running) = state { return running.port }
            return nil
        }
    }

    /// Binds, starts the loop threads and returns the bound port (useful with port 0).
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        let c = configuration
        guard c.threads >= 1, c.threads <= 256 else { throw .invalidConfiguration("threads must be 1...256") }
        guard c.maxConcurrentHandlers >= 1, c.maxConcurrentHandlers <= 4096 else {
            throw .invalidConfiguration("maxConcurrentHandlers must be 1...4096")
        }
        guard c.handlerStallThreshold > 0 else { throw .invalidConfiguration("handlerStallThreshold must be positive") }
        guard c.maxRequestLineBytes > 0, c.maxHeaderBytes > 0, c.maxHeaderCount > 0, c.maxBodyBytes >= 0,
              c.maxConnections > 0, c.maxPendingOutputBytes > 0 else {
            throw .invalidConfiguration("limits must be positive")
        }
        guard [c.headerReadTimeout, c.bodyReadTimeout, c.keepAliveTimeout, c.writeTimeout].allSatisfy({ $0 > 0 }) else {
            throw .invalidConfiguration("timeouts must be positive")
        }
        let canStart = lifecycle.withLock { state -> Bool in
            if case .idle = state { return true }
            return false
        }
        guard canStart else { throw .alreadyStarted }

        // Writes to a vanished client use MSG_NOSIGNAL, but a closed stdout (the access
        // log) would still raise SIGPIPE; Linux has no per-socket opt-out, so ignore it.
        signal(SIGPIPE, SIG_IGN)
        let (listener, port) = try Socket.listen(host: c.host, port: c.port, backlog: c.backlog)
        let shared = ServerShared(configuration: c, handler: handler, metrics: metrics)
        var loops: [EventLoop] = []
        do throws(SocketError) {
            for index in 0..<c.threads { loops.append(try EventLoop(index: index, shared: shared)) }
        } catch {
            Glibc.close(listener)
            throw .socket(error)
        }
        for loop in loops { loop.peers = loops }
        loops[0].listenerFD = listener

        let started = lifecycle.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running(Running(loops: loops, shared: shared, port: port))
            return true
        }
        guard started else {
            Glibc.close(listener)
            throw .alreadyStarted
        }
        shared.accessLog?.start()
        shared.watchdog.start(loops: loops)
        for loop in loops {
            shared.loopsRunning.enter()
            let thread = Thread { loop.run() }
            thread.name = "http-loop-\(loop.index)"
            thread.stackSize = 4 << 20
            thread.start()
        }
        return port
    }

    /// Stops accepting, closes idle connections, lets requests in flight finish for up to
    /// `grace` seconds (default: the configuration's), then closes everything. Blocks until
    /// done. Idempotent; a later call with a shorter grace cuts the wait short.
    public func shutdown(grace: TimeInterval? = nil) {
        let seconds = grace ?? configuration.shutdownGracePeriod
        let running: Running? = lifecycle.withLock { state in
            switch state {
            case .idle:
                state = .stopped
                return nil
            case .running(let running):
                state = .stopping(running)
                return running
            case .stopping(let running):
                return running
            case .stopped:
                return nil
            }
        }
        guard let running else { return }
        running.shared.shuttingDown.withLock { $0 = true }
        let deadline = monotonicNanos() + nanos(seconds)
        for loop in running.loops { loop.post(.shutdown(deadline: deadline)) }
        running.shared.loopsRunning.wait()
        // Concurrent callers all wait above; the one that moves the state to stopped does the teardown, under
        // the lock, so it happens once.
        let tearDown = lifecycle.withLock { state -> Bool in
            guard case .stopping = state else { return false }
            state = .stopped
            return true
        }
        guard tearDown else { return }
        // Each loop holds every loop in `peers` (for handing out connections): break that cycle now that
        // their threads have ended, so the loops, their epoll and eventfd descriptors and the handler are freed.
        for loop in running.loops { loop.peers = [] }
        running.shared.watchdog.stop()
        running.shared.accessLog?.stop()
    }
}

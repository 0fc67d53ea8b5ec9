import CLinuxShims
import Foundation
import Glibc

/// An epoll loop: it accepts (loop 0 only), reads, parses, calls the handler inline,
/// writes, and enforces timeouts for the connections it owns.
///
/// `@unchecked Sendable` is safe because every mutable property is touched only by the
/// thread holding `baton` (normally one thread for the loop's life; a second one while a
/// slow handler holds the first, see `LoopBaton`, and the lock orders their accesses);
/// other threads reach the loop solely through `post(_:)`, which goes through the locked
/// `inbox` and the eventfd. `peers` and `listenerFD` are written once before the thread
/// starts (Thread.start orders those writes before the thread runs).
final class EventLoop: @unchecked Sendable {
    enum Message: Sendable {
        case adopt(fd: Int32, peer: String)
        case shutdown(deadline: UInt64)
        /// Go on answering a connection's pipelined requests after the other ready connections had their turn.
        case resume(fd: Int32, connectionID: UInt64)
    }

    let index: Int
    let shared: ServerShared
    let poller: Poller
    let baton: LoopBaton
    /// Counts epoll waits: events read before a handler are stale once another runner has polled meanwhile.
    var pollGeneration: UInt64 = 0
    private let inbox = Locked<[Message]>([])

    var peers: [EventLoop] = []
    var listenerFD: Int32 = -1
    var listening = false
    var acceptResumeAt: UInt64 = 0
    var acceptBackoff: UInt64 = 0
    var lastAcceptWarning: UInt64 = 0
    var roundRobin = 0

    var connections: [Int32: Connection] = [:]
    let readBuffer: UnsafeMutableRawBufferPointer
    var wallClock = WallClock()
    var logBuffer: [UInt8] = []
    var logLines = 0
    var requestCounter: UInt64 = 0
    var connectionCounter: UInt64 = 0
    var shuttingDown = false
    var shutdownDeadline: UInt64 = .max
    let tick: UInt64
    var nextSweep: UInt64 = 0

    static let readBufferSize = 64 * 1024
    static let lingerTime: UInt64 = 2_000_000_000

    init(index: Int, shared: ServerShared) throws(SocketError) {
        self.index = index
        self.shared = shared
        self.poller = try Poller()
        self.baton = LoopBaton(maxHandlers: shared.handlersPerLoop)
        self.readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readBufferSize, alignment: 16)
        let c = shared.configuration
        let shortest = [c.headerReadTimeout, c.bodyReadTimeout, c.keepAliveTimeout, c.writeTimeout].min() ?? 1
        // Deadlines are checked by a periodic sweep; a quarter of the shortest timeout
        // keeps them accurate to 25% without a timer per connection.
        self.tick = nanos(min(1.0, max(0.01, shortest / 4)))
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Thread-safe: queue a message and wake the loop.
    func post(_ message: Message) {
        inbox.withLock { $0.append(message) }
        poller.wake()
    }

    /// The thread body: runs the loop until shutdown has closed every connection, or until
    /// another runner needs the baton (this thread then leaves; it holds nothing on its
    /// stack at the top of an iteration). `takingOver`: started by the watchdog.
    func run(takingOver: Bool = false) {
        baton.acquire()
        if !takingOver && listenerFD >= 0 { startListening() }
        // The stalled runner may have drained the eventfd and left messages (a new connection) in the inbox.
        if takingOver { poller.wake() }
        while true {
            if baton.shouldLeave {
                baton.leave()
                return
            }
            let now = monotonicNanos()
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + tick
            }
            if shuttingDown && (connections.isEmpty || now >= shutdownDeadline) { break }
            if listenerFD >= 0 && !listening && now >= acceptResumeAt { startListening() }
            let idle = connections.isEmpty && listening == (listenerFD >= 0) && logBuffer.isEmpty && !shuttingDown
            if idle { handOffLog() }
            var wakeAt = nextSweep
            if listenerFD >= 0 && !listening { wakeAt = min(wakeAt, acceptResumeAt) }
            let timeout: Int32 = idle ? -1 : Int32(clamping: (wakeAt > now ? wakeAt - now : 0) / 1_000_000 + 1)
            pollGeneration &+= 1
            let generation = pollGeneration
            poller.wait(timeoutMillis: timeout) { token, events in
                // A handler on this thread stalled and another runner polled meanwhile: the rest is stale.
                guard generation == self.pollGeneration else { return false }
                self.dispatch(token: token, events: events)
                return true
            }
        }
        for connection in Array(connections.values) { close(connection) }
        stopListening(permanently: true)
        for message in inbox.withLock({ box in defer { box.removeAll() }; return box }) {
            if case .adopt(let fd, _) = message { Glibc.close(fd); shared.connectionClosed() }
        }
        handOffLog()
        baton.finish()
        baton.leave()
        shared.loopsRunning.leave()
    }

    private func dispatch(token: UInt64, events: UInt32) {
        if token == Poller.wakeToken {
            poller.drainWake()
            // One at a time: a handler run for one message may stall this thread, and the messages after it
            // (a new connection) must stay in the inbox for the runner that takes the loop over.
            while let message = inbox.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                handle(message)
            }
            return
        }
        if token == Poller.listenerToken {
            acceptConnections()
            return
        }
        guard let connection = connections[Int32(truncatingIfNeeded: token)] else { return }
        if events & (SHIMS_EPOLLERR | SHIMS_EPOLLHUP) != 0 {
            // The socket is dead both ways (reset or fully closed): nothing can be delivered. (A handler
            // still running for it finds the connection closed and drops its response.)
            close(connection)
            return
        }
        if connection.inFlight {
            // Its handler runs on a stalled thread: responses queued before it may still be written, but
            // nothing more is read until it answers.
            if events & SHIMS_EPOLLOUT != 0 { writable(connection) }
            if !connection.isClosed, events & (SHIMS_EPOLLIN | SHIMS_EPOLLRDHUP) != 0 { pauseReading(connection) }
            return
        }
        if events & SHIMS_EPOLLOUT != 0 { writable(connection) }
        if !connection.isClosed, events & (SHIMS_EPOLLIN | SHIMS_EPOLLRDHUP) != 0 { readable(connection) }
    }

    private func handle(_ message: Message) {
        switch message {
        case .adopt(let fd, let peer):
            adopt(fd: fd, peer: peer)
        case .resume(let fd, let connectionID):
            if let connection = connections[fd], connection.id == connectionID, !connection.isClosed { process(connection) }
        case .shutdown(let deadline):
            shuttingDown = true
            shutdownDeadline = min(shutdownDeadline, deadline)
            // Clients whose connect already succeeded wait in the kernel's backlog: serve them rather than
            // have the closing listener reset them.
            drainBacklog()
            stopListening(permanently: true)
            // Idle keep-alive connections would only hold shutdown up: close them now, after one last read, so
            // that a request already sent (and not yet seen) is answered rather than reset.
            for connection in Array(connections.values) where connection.isIdle {
                readable(connection)
                if !connection.isClosed && connection.isIdle && connection.parser.bufferedByteCount == 0 { close(connection) }
            }
        }
    }

    func adopt(fd: Int32, peer: String) {
        if shuttingDown {
            adoptDuringShutdown(fd: fd, peer: peer)
            return
        }
        register(fd: fd, peer: peer)
    }

    /// A connection accepted before shutdown whose request may already be waiting: answer what it sent (with
    /// `Connection: close`) instead of resetting it; one that has sent nothing yet is closed like an idle one.
    func adoptDuringShutdown(fd: Int32, peer: String) {
        register(fd: fd, peer: peer)
        guard let connection = connections[fd] else { return }
        readable(connection)
        if !connection.isClosed && connection.isIdle && connection.parser.bufferedByteCount == 0 { close(connection) }
    }

    private func register(fd: Int32, peer: String) {
        let now = monotonicNanos()
        connectionCounter &+= 1
        let connection = Connection(fd: fd, id: connectionCounter, peer: peer, limits: shared.parserLimits, now: now)
        guard poller.add(fd, events: SHIMS_EPOLLIN | SHIMS_EPOLLRDHUP, token: UInt64(fd)) else {
            Glibc.close(fd)
            shared.connectionClosed()
            return
        }
        connections[fd] = connection
        updateDeadline(connection, now: now)
    }

    func close(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        poller.remove(connection.fd)
        Glibc.close(connection.fd)
        connections[connection.fd] = nil
        shared.connectionClosed()
    }
}

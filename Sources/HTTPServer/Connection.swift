/// The state of one client connection. Owned by exactly one event loop and touched only
/// on its thread, so it needs no locking (and is deliberately not Sendable).
final class Connection {
    let fd: Int32
    /// Unique per loop, so a late handler result is never delivered to a new connection
    /// that reused the fd.
    let id: UInt64
    let peer: String
    var parser: RequestParser

    /// Serialized responses not yet accepted by the kernel; `outputOffset` is how much of
    /// `output` was sent. Responses of pipelined requests queue here in order.
    var output: [UInt8] = []
    var outputOffset = 0
    /// The body of the last queued response when it was large, sent after `output` in the same `sendmsg` (two
    /// iovecs) instead of being copied behind its head; `tailOffset` is how much of it was sent. Empty unless
    /// the last thing queued is such a body: anything queued after it is appended to `output` only once it has
    /// been moved there (`foldTail`), so the order of pipelined responses is kept.
    var tail: [UInt8] = []
    var tailOffset = 0
    /// EPOLLOUT is registered (and EPOLLIN is not: the loop stops reading a client that
    /// does not read its responses).
    var waitingForWritable = false

    /// Send what is queued, then close (Connection: close, HTTP/1.0, errors, shutdown).
    var closeAfterFlush = false
    /// Our write side is shut; input is drained and dropped until EOF or the linger
    /// deadline, so the client reads the final response instead of a reset.
    var lingering = false
    /// The client sent EOF (it may still read).
    var peerClosed = false
    var isClosed = false
    /// The handler for this connection's current request is running (with the loop's baton released).
    var inFlight = false
    /// EPOLLIN was dropped while a stalled handler runs, so pipelined input cannot pile up.
    var readPaused = false

    var requestsServed = 0
    /// When the connection was accepted or last finished a response.
    var idleSince: UInt64
    /// When the current request's head, then its body, started arriving (0: not yet).
    var headStartedAt: UInt64 = 0
    var bodyStartedAt: UInt64 = 0
    var lastWriteProgress: UInt64 = 0

    var deadline: UInt64 = 0
    var deadlineKind: DeadlineKind = .idle

    enum DeadlineKind {
        case idle, head, body, write, linger
    }

    init(fd: Int32, id: UInt64, peer: String, limits: ParserLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.peer = peer
        self.parser = RequestParser(limits: limits)
        self.idleSince = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count || tailOffset < tail.count }
    var pendingOutputBytes: Int { output.count - outputOffset + tail.count - tailOffset }

    /// Moves an unsent tail behind `output`, before anything else is queued after it.
    func foldTail() {
        guard !tail.isEmpty else { return }
        if tailOffset < tail.count { output.append(contentsOf: tail[tailOffset...]) }
        tail = []
        tailOffset = 0
    }

    /// Marks `count` bytes as sent: first from `output`, then from `tail`.
    func consume(_ count: Int) {
        let fromOutput = min(count, output.count - outputOffset)
        outputOffset += fromOutput
        tailOffset += count - fromOutput
    }

    /// Idle between requests: nothing buffered, nothing to send.
    var isIdle: Bool { parser.phase == .idle && !hasPendingOutput && !lingering && !inFlight }
}

import CLinuxShims
import Glibc

/// Reading, parsing and writing one connection.
extension EventLoop {
    func readable(_ connection: Connection) {
        // Callers may hold a connection from before a handler stalled; another runner may have closed it.
        guard !connection.isClosed else { return }
        if connection.lingering {
            drain(connection)
            return
        }
        var reads = 0
        readLoop: while true {
            switch Socket.read(connection.fd, into: readBuffer) {
            case .bytes(let count):
                connection.parser.append(UnsafeBufferPointer(
                    start: readBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
                reads += 1
                // A full buffer may mean more is waiting; a few reads per wake-up keep
                // one fast sender from starving the others (epoll reports it again).
                if count < readBuffer.count || reads >= 4 { break readLoop }
            case .wouldBlock:
                break readLoop
            case .endOfFile:
                connection.peerClosed = true
                break readLoop
            case .failed:
                close(connection)
                return
            }
        }
        process(connection)
    }

    func writable(_ connection: Connection) {
        guard !connection.isClosed else { return }
        flush(connection)
        if !connection.isClosed, !connection.hasPendingOutput, !connection.closeAfterFlush,
           connection.parser.bufferedByteCount > 0 {
            // Pipelined requests were held back while the client was not reading.
            process(connection)
        } else if !connection.isClosed {
            updateDeadline(connection, now: monotonicNanos())
        }
    }

    /// A connection gets this many requests answered per turn; a client pipelining a thousand requests
    /// would otherwise hold its loop, and every other client of that loop, for the whole batch.
    static let requestsPerTurn = 16

    /// Answers the complete requests in the buffer, in order, up to `requestsPerTurn`, then writes; the rest
    /// wait for the connection's next turn, after the loop's other ready events.
    func process(_ connection: Connection) {
        let maxPending = shared.configuration.maxPendingOutputBytes
        var answered = 0
        var yielded = false
        while !connection.isClosed {
            var stalledOnOutput = false
            parseLoop: while !connection.closeAfterFlush && !connection.inFlight {
                if connection.pendingOutputBytes >= maxPending {
                    stalledOnOutput = true
                    break
                }
                if answered >= Self.requestsPerTurn {
                    yielded = true
                    break
                }
                switch connection.parser.next() {
                case .needMore:
                    break parseLoop
                case .sendContinue:
                    connection.foldTail()
                    connection.output.append(contentsOf: Self.continueResponse)
                case .request(let request, let keepAlive):
                    answered += 1
                    respond(connection, to: request, keepAlive: keepAlive)
                case .error(let error):
                    respond(connection, toError: error)
                }
            }
            if connection.peerClosed && !connection.closeAfterFlush && !connection.inFlight {
                // EOF: answer what was complete, drop any partial request, then close.
                connection.closeAfterFlush = true
            }
            flush(connection)
            guard stalledOnOutput, !connection.isClosed, !connection.hasPendingOutput else { break }
        }
        if yielded, !connection.isClosed, !connection.hasPendingOutput {
            post(.resume(fd: connection.fd, connectionID: connection.id))
        }
        if !connection.isClosed { updateDeadline(connection, now: monotonicNanos()) }
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Writes as much queued output as the kernel takes; registers for EPOLLOUT (and
    /// stops reading) when it takes less; closes or lingers once a final response is out.
    func flush(_ connection: Connection) {
        while connection.hasPendingOutput {
            // Head and body in one sendmsg: one system call, and one segment when they fit (no Nagle stall).
            let result = connection.output.withUnsafeBytes { head -> Socket.IOResult in
                connection.tail.withUnsafeBytes { body -> Socket.IOResult in
                    var vectors = (iovec(), iovec())
                    return withUnsafeMutablePointer(to: &vectors) { pair in
                        pair.withMemoryRebound(to: iovec.self, capacity: 2) { vector in
                            var count = 0
                            // Only the parts with bytes left: the kernel is never given an empty vector.
                            if let base = head.baseAddress, connection.outputOffset < head.count {
                                vector[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: base + connection.outputOffset),
                                                      iov_len: head.count - connection.outputOffset)
                                count += 1
                            }
                            if let base = body.baseAddress, connection.tailOffset < body.count {
                                vector[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: base + connection.tailOffset),
                                                      iov_len: body.count - connection.tailOffset)
                                count += 1
                            }
                            return Socket.send(connection.fd, UnsafeBufferPointer(start: vector, count: count))
                        }
                    }
                }
            }
            switch result {
            case .bytes(let count):
                connection.consume(count)
                connection.lastWriteProgress = monotonicNanos()
            case .wouldBlock:
                if !connection.waitingForWritable {
                    connection.waitingForWritable = true
                    poller.modify(connection.fd, events: SHIMS_EPOLLOUT, token: UInt64(connection.fd))
                }
                return
            case .endOfFile, .failed:
                close(connection)   // the client went away mid-response: nothing more to do
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 256 * 1024)
        connection.outputOffset = 0
        connection.tail = []
        connection.tailOffset = 0
        if connection.waitingForWritable {
            connection.waitingForWritable = false
            poller.modify(connection.fd, events: connection.readPaused ? 0 : SHIMS_EPOLLIN | SHIMS_EPOLLRDHUP,
                          token: UInt64(connection.fd))
        }
        if connection.closeAfterFlush && !connection.lingering {
            if connection.peerClosed {
                close(connection)
            } else {
                // Half-close and drain: closing with unread input would send a reset
                // that can destroy the response before the client reads it.
                shutdown(connection.fd, Int32(SHUT_WR))
                connection.lingering = true
                connection.deadlineKind = .linger
                connection.deadline = monotonicNanos() + Self.lingerTime
            }
        }
    }

    /// While a stalled handler runs, stop reading: pipelined input waits in the kernel
    /// (bounded by its buffers) instead of our memory. Errors and hang-ups are still
    /// reported, since epoll cannot mask them.
    func pauseReading(_ connection: Connection) {
        guard !connection.readPaused else { return }
        connection.readPaused = true
        if !connection.waitingForWritable {
            poller.modify(connection.fd, events: 0, token: UInt64(connection.fd))
        }
    }

    func resumeReading(_ connection: Connection) {
        guard connection.readPaused else { return }
        connection.readPaused = false
        if !connection.waitingForWritable {
            poller.modify(connection.fd, events: SHIMS_EPOLLIN | SHIMS_EPOLLRDHUP, token: UInt64(connection.fd))
        }
    }

    /// Reads and discards until EOF (then closes) or until nothing is left for now.
    private func drain(_ connection: Connection) {
        for _ in 0..<16 {
            switch Socket.read(connection.fd, into: readBuffer) {
            case .bytes: continue
            case .wouldBlock: return
            case .endOfFile, .failed:
                close(connection)
                return
            }
        }
    }
}

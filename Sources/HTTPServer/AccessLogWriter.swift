import Foundation
import Glibc

/// Writes access-log chunks to stdout on its own thread, so a slow or blocked stdout
/// never delays a request. The queue is bounded: past `maxQueuedBytes` chunks are dropped
/// and counted (in the metrics) rather than growing memory.
final class AccessLogWriter: Sendable {
    private struct State: Sendable {
        var chunks: [[UInt8]] = []
        var queuedBytes = 0
        var running = false
        var stopping = false
    }

    static let maxQueuedBytes = 8 * 1024 * 1024
    private let state = Locked(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let metrics: ServerMetrics
    private let fd: Int32

    init(metrics: ServerMetrics, fd: Int32 = STDOUT_FILENO) {
        self.metrics = metrics
        self.fd = fd
    }

    func start() {
        let alreadyRunning = state.withLock { s in
            defer { s.running = true }
            return s.running
        }
        guard !alreadyRunning else { return }
        let thread = Thread { [self] in run() }
        thread.name = "http-access-log"
        thread.start()
    }

    func submit(_ chunk: [UInt8], lines: Int) {
        let accepted = state.withLock { s -> Bool in
            guard s.running, !s.stopping, s.queuedBytes + chunk.count <= Self.maxQueuedBytes else { return false }
            s.chunks.append(chunk)
            s.queuedBytes += chunk.count
            return true
        }
        if accepted {
            wakeUp.signal()
        } else {
            metrics.droppedLogLines.withLock { $0 += lines }
        }
    }

    /// Writes what is queued, then ends the thread (waits at most `timeout` seconds).
    func stop(timeout: TimeInterval = 2) {
        let wasRunning = state.withLock { s -> Bool in
            defer { s.stopping = true }
            return s.running && !s.stopping
        }
        guard wasRunning else { return }
        wakeUp.signal()
        _ = finished.wait(timeout: .now() + timeout)
    }

    private func run() {
        while true {
            wakeUp.wait()
            let (chunks, stopping) = state.withLock { s in
                defer { s.chunks.removeAll(); s.queuedBytes = 0 }
                return (s.chunks, s.stopping)
            }
            for chunk in chunks { writeFully(chunk) }
            if stopping {
                finished.signal()
                return
            }
        }
    }

    private func writeFully(_ chunk: [UInt8]) {
        chunk.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let n = write(fd, base + offset, bytes.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&pfd, 1, 100)
                } else {
                    return   // stdout is gone (EPIPE, EBADF ...): the log is lost, the server goes on
                }
            }
        }
    }
}

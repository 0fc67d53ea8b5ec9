import CLinuxShims
import Foundation
import Glibc

/// Accepting, on loop 0, which owns the listener and deals connections out round-robin
/// so every loop (and core) gets its share.
extension EventLoop {
    /// Accepts a bounded batch, so a connection storm cannot starve the loop's own clients.
    func acceptConnections() {
        for _ in 0..<64 {
            if shared.openConnectionCount >= shared.configuration.maxConnections {
                // At the cap: leave new clients in the kernel backlog and look again shortly.
                pauseAccepting(for: 20_000_000)
                return
            }
            switch Socket.accept(listenerFD) {
            case .accepted(let fd, let peer):
                acceptBackoff = 0
                shared.connectionOpened()
                // Once shutdown has begun the other loops may already be gone: keep the connection here.
                let target = shared.shuttingDown.withLock({ $0 }) ? self : peers[roundRobin % peers.count]
                roundRobin &+= 1
                if target === self {
                    adopt(fd: fd, peer: peer)
                } else {
                    target.post(.adopt(fd: fd, peer: peer))
                }
            case .wouldBlock:
                return
            case .exhausted(let error):
                // EMFILE/ENFILE: the pending connection stays in the backlog, so a
                // level-triggered listener would wake us forever. Pause instead, with a
                // doubling backoff, and keep serving the open connections.
                let initial = max(nanos(shared.configuration.acceptBackoff), 1_000_000)
                acceptBackoff = min(max(acceptBackoff * 2, initial), 1_000_000_000)
                pauseAccepting(for: acceptBackoff)
                warnAcceptFailure(error)
                return
            case .transient:
                continue
            }
        }
    }

    func startListening() {
        guard listenerFD >= 0, !listening, !shuttingDown else { return }
        listening = poller.add(listenerFD, events: SHIMS_EPOLLIN, token: Poller.listenerToken)
    }

    /// At shutdown: accepts what the backlog holds and serves it on this loop (the others may be gone).
    func drainBacklog() {
        guard listenerFD >= 0 else { return }
        for _ in 0..<4_096 {
            guard case .accepted(let fd, let peer) = Socket.accept(listenerFD) else { return }
            shared.connectionOpened()
            adoptDuringShutdown(fd: fd, peer: peer)
        }
    }

    func stopListening(permanently: Bool) {
        guard listenerFD >= 0 else { return }
        if listening {
            poller.remove(listenerFD)
            listening = false
        }
        if permanently {
            Glibc.close(listenerFD)
            listenerFD = -1
        }
    }

    private func pauseAccepting(for duration: UInt64) {
        stopListening(permanently: false)
        acceptResumeAt = monotonicNanos() + duration
    }

    /// At most one line a second, whatever the accept rate.
    private func warnAcceptFailure(_ error: Int32) {
        let now = monotonicNanos()
        guard now - lastAcceptWarning >= 1_000_000_000 || lastAcceptWarning == 0 else { return }
        lastAcceptWarning = now
        let message = "http-server: accept failed (\(String(cString: strerror(error)))); pausing accept\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}

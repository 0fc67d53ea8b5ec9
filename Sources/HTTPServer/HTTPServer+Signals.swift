import Dispatch
import Glibc

extension HTTPServer {
    /// Blocks until SIGTERM or SIGINT, then shuts down gracefully (the configuration's
    /// grace period) and returns, so the caller can exit 0. A second signal during the
    /// grace period ends the grace at once (a handler already running still finishes).
    /// SIGHUP is ignored. Returns at once if the server is not running.
    public func runUntilSignalled() {
        guard port != nil else { return }
        // Dispatch signal sources on Linux need the default action disabled first, or
        // the signal kills the process before the source sees it.
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        // A server outlives its terminal: a hang-up must not kill it (there is no config to reload).
        signal(SIGHUP, SIG_IGN)
        let queue = DispatchQueue(label: "http-server.signals")
        let received = DispatchSemaphore(value: 0)
        let count = Locked(0)
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                let n = count.withLock { c in
                    c += 1
                    return c
                }
                if n == 1 {
                    received.signal()
                } else {
                    // Second signal: no more grace. Runs on the signal queue, which is
                    // free while the main thread waits in shutdown().
                    shutdown(grace: 0)
                }
            }
            source.resume()
            return source
        }
        received.wait()
        shutdown()
        for source in sources { source.cancel() }
    }
}

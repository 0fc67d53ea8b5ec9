import CLinuxShims
import Glibc

/// One epoll instance plus an eventfd that other threads write to wake it.
///
/// Level-triggered: a connection that still has unread bytes is reported again, so
/// reading a bounded amount per wake-up is fair and never loses data. EPOLLOUT is asked
/// for only while output is pending, so an idle loop never spins.
final class Poller {
    let epollFD: Int32
    let wakeFD: Int32
    /// Event data value reserved for the eventfd (connections use their fd, >= 0).
    static let wakeToken = UInt64.max
    static let listenerToken = UInt64.max - 1

    private var events = [UInt32](repeating: 0, count: 256)
    private var tokens = [UInt64](repeating: 0, count: 256)

    init() throws(SocketError) {
        let epollFD = shims_epoll_create()
        guard epollFD >= 0 else { throw SocketError("epoll_create1", errno: errno) }
        let wakeFD = shims_eventfd()
        guard wakeFD >= 0 else {
            close(epollFD)
            throw SocketError("eventfd", errno: errno)
        }
        guard shims_epoll_ctl(epollFD, SHIMS_EPOLL_CTL_ADD, wakeFD, SHIMS_EPOLLIN, Self.wakeToken) == 0 else {
            let error = errno
            close(epollFD)
            close(wakeFD)
            throw SocketError("epoll_ctl", errno: error)
        }
        self.epollFD = epollFD
        self.wakeFD = wakeFD
    }

    deinit {
        close(epollFD)
        close(wakeFD)
    }

    @discardableResult
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        shims_epoll_ctl(epollFD, SHIMS_EPOLL_CTL_ADD, fd, events, token) == 0
    }

    @discardableResult
    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        shims_epoll_ctl(epollFD, SHIMS_EPOLL_CTL_MOD, fd, events, token) == 0
    }

    func remove(_ fd: Int32) {
        _ = shims_epoll_ctl(epollFD, SHIMS_EPOLL_CTL_DEL, fd, 0, 0)
    }

    /// Waits up to `timeoutMillis` (-1: forever) and calls `body` for each ready token
    /// until it returns false. EINTR is an empty wake-up, never an error (a signal must not
    /// stop the server).
    func wait(timeoutMillis: Int32, _ body: (UInt64, UInt32) -> Bool) {
        let count = events.withUnsafeMutableBufferPointer { ev in
            tokens.withUnsafeMutableBufferPointer { tk in
                shims_epoll_wait(epollFD, ev.baseAddress, tk.baseAddress, Int32(ev.count), timeoutMillis)
            }
        }
        guard count > 0 else { return }
        for i in 0..<Int(count) {
            // Read before the call: a runner that takes the loop over meanwhile overwrites the arrays.
            let token = tokens[i], event = events[i]
            guard body(token, event) else { return }
        }
    }

    /// Safe from any thread: a write to the eventfd makes the next `wait` return.
    func wake() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(wakeFD, $0.baseAddress, 8) }
    }

    /// Resets the eventfd after a wake-up.
    func drainWake() {
        var value: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &value) { read(wakeFD, $0.baseAddress, 8) }
    }
}

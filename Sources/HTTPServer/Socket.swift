import CLinuxShims
import Glibc

/// Thin wrappers over the socket calls the server makes, each turning -1 into a
/// `SocketError` that keeps the syscall name and errno.
enum Socket {
    /// Binds and listens on `host:port`, non-blocking. `::` is dual-stack (IPV6_V6ONLY off).
    static func listen(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else { throw .invalidConfiguration("port \(port) is out of range") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let info = result else {
            throw .addressResolution(host: host, detail: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(result) }
        let family = info.pointee.ai_family
        let fd = shims_stream_socket(family)
        guard fd >= 0 else { throw .socket(SocketError("socket", errno: errno)) }
        do throws(SocketError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if family == AF_INET6 {
                // Dual-stack only for the wildcard "::"; "::1" stays IPv6 loopback.
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, host == "::" ? 0 : 1)
            }
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                throw SocketError("bind", errno: errno)
            }
            guard Glibc.listen(fd, Int32(max(1, min(backlog, 65535)))) == 0 else {
                throw SocketError("listen", errno: errno)
            }
            return (fd, try boundPort(fd))
        } catch {
            close(fd)
            throw .socket(error)
        }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SocketError) {
        var v = value
        guard setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError("setsockopt", errno: errno)
        }
    }

    static func boundPort(_ fd: Int32) throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard rc == 0 else { throw SocketError("getsockname", errno: errno) }
        return describe(storage).port
    }

    /// "address:port" ("[v6]:port" for IPv6) and the port of a socket address.
    static func describe(_ storage: sockaddr_storage) -> (text: String, port: Int) {
        var copy = storage
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    var address = sin.pointee.sin_addr
                    inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count))
                    let port = Int(UInt16(bigEndian: sin.pointee.sin_port))
                    return ("\(text(buffer)):\(port)", port)
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    var address = sin6.pointee.sin6_addr
                    inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
                    let port = Int(UInt16(bigEndian: sin6.pointee.sin6_port))
                    return ("[\(text(buffer))]:\(port)", port)
                }
            }
        default:
            return ("unknown", 0)
        }
    }

    /// The text of a NUL-terminated C buffer.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    enum AcceptResult {
        case accepted(fd: Int32, peer: String)
        case wouldBlock
        /// Out of file descriptors (EMFILE/ENFILE) or kernel memory: back off.
        case exhausted(Int32)
        /// The connection died in the backlog (ECONNABORTED, EPROTO ...): try the next.
        case transient
    }

    static func accept(_ listener: Int32) -> AcceptResult {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = shims_accept(listener, &storage, &length)
        if fd >= 0 {
            // Responses go out in one sendmsg, so Nagle can only delay them.
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            return .accepted(fd: fd, peer: describe(storage).text)
        }
        let error = shims_errno()
        switch error {
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted(error)
        default: return .transient
        }
    }

    enum IOResult {
        case bytes(Int)
        case wouldBlock
        /// read returned 0: the peer will send nothing more.
        case endOfFile
        case failed(Int32)
    }

    /// read(2), with 0 checked before errno so EOF is never mistaken for would-block.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfFile }
            let error = shims_errno()
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { return .wouldBlock }
            return .failed(error)
        }
    }

    /// sendmsg(MSG_NOSIGNAL) of several buffers in one call.
    static func send(_ fd: Int32, _ iov: UnsafeBufferPointer<iovec>) -> IOResult {
        while true {
            let n = shims_sendv(fd, iov.baseAddress, Int32(iov.count))
            if n >= 0 { return .bytes(n) }
            let error = shims_errno()
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { return .wouldBlock }
            return .failed(error)
        }
    }
}

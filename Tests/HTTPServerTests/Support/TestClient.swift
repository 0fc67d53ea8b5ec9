import Foundation
import Glibc
@testable import HTTPServer

/// A blocking raw-socket client that sends exact bytes and reads exact responses, so
/// tests see what a hostile or sloppy client would see. Every read has a timeout.
final class TestClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error {
        case connect(Int32)
        case timedOut
        case closed
        case malformed(String)
    }

    init(port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 5, receiveBuffer: Int32? = nil) throws {
        let v6 = host.contains(":")
        fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let rc: Int32
        if v6 {
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &addr.sin6_addr)
            rc = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &addr.sin_addr)
            rc = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        if rc != 0 {
            let error = errno
            Glibc.close(fd)
            throw Failure.connect(error)
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Sends a request one byte at a time with `delay` between bytes.
    func trickle(_ text: String, delay: TimeInterval) {
        for byte in text.utf8 {
            send([byte])
            Thread.sleep(forTimeInterval: delay)
        }
    }

    func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with SO_LINGER 0, so the server sees a reset.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Reads more bytes; false on EOF.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timedOut }
        return false   // ECONNRESET and friends: treat as closed
    }

    /// Reads one response (Content-Length framed, or no body for HEAD/1xx/204/304).
    func readResponse(isHEAD: Bool = false) throws -> Response {
        while true {
            if let end = headEnd() {
                let headText = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let parts = statusLine.split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
                    throw Failure.malformed(statusLine)
                }
                var headers = HTTPHeaders()
                for line in lines where !line.isEmpty {
                    guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
                    headers.add(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingOWS())
                }
                var length = Int(headers["content-length"] ?? "0") ?? 0
                if isHEAD || status < 200 || status == 204 || status == 304 { length = 0 }
                while buffer.count < end + length {
                    guard try fill() else { throw Failure.closed }
                }
                let body = Array(buffer[end..<(end + length)])
                buffer.removeFirst(end + length)
                return Response(status: status, headers: headers, body: body)
            }
            guard try fill() else { throw Failure.closed }
        }
    }

    /// True when the server closed the connection (EOF or reset) within the timeout.
    func isClosedByServer() -> Bool {
        do {
            while try fill() {}
            return true
        } catch {
            return false
        }
    }

    var unreadBytes: Int { buffer.count }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i + 4
        }
        return nil
    }
}

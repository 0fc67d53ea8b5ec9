import Glibc

/// A failed system call: its name and errno, so callers can branch on the number.
public struct SocketError: Error, Equatable, Sendable, CustomStringConvertible {
    public var syscall: String
    public var errno: Int32

    public init(_ syscall: String, errno: Int32) {
        self.syscall = syscall
        self.errno = errno
    }

    public var description: String {
        "\(syscall) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Why `HTTPServer.start()` failed.
public enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyStarted
    case invalidConfiguration(String)
    case addressResolution(host: String, detail: String)
    case socket(SocketError)

    public var description: String {
        switch self {
        case .alreadyStarted: return "the server was already started"
        case .invalidConfiguration(let why): return "invalid configuration: \(why)"
        case .addressResolution(let host, let detail): return "cannot resolve \(host): \(detail)"
        case .socket(let error): return error.description
        }
    }
}

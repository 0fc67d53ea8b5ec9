import Foundation

/// Every address, limit and timeout of the server, with its default, in one place.
/// Times are in seconds.
public struct ServerConfiguration: Sendable {
    /// Address to bind: "127.0.0.1", "0.0.0.0", "::" (dual-stack), "::1" or a host name.
    public var host: String
    /// TCP port; 0 asks the kernel for a free one (`HTTPServer.start()` returns it).
    public var port: Int
    /// Event loops; each parses requests and runs the handler inline, with no hand-off to
    /// another thread. Defaults to the number of active cores.
    public var threads: Int
    /// How long a handler may hold its loop: after this, another thread takes the loop over
    /// (see `LoopBaton`) and serves its other connections while the slow handler finishes.
    public var handlerStallThreshold: TimeInterval
    /// Handlers that may run at once in the whole server (shared evenly by the loops), each
    /// on a thread of its own once it stalls; beyond it a request is answered 503 with
    /// Retry-After instead of queueing without bound.
    public var maxConcurrentHandlers: Int
    public var backlog: Int

    /// Request line limit in bytes (414 beyond it).
    public var maxRequestLineBytes: Int
    /// Header section limit in bytes, request line excluded (431 beyond it).
    public var maxHeaderBytes: Int
    /// Header field count limit (431 beyond it).
    public var maxHeaderCount: Int
    /// Body limit in bytes, Content-Length or decoded chunked (413 beyond it).
    public var maxBodyBytes: Int
    /// Chunk extensions per chunk, and the trailer section, in bytes (400 beyond them).
    public var maxChunkExtensionBytes: Int
    public var maxTrailerBytes: Int
    /// Open connections at most; beyond it the server stops accepting and lets the backlog wait.
    public var maxConnections: Int
    /// Responses queued on one connection before the server stops reading its pipelined
    /// requests, so a client that never reads cannot grow our memory.
    public var maxPendingOutputBytes: Int

    /// From the first byte of a request (or from accept) to the end of its head: 408, close.
    public var headerReadTimeout: TimeInterval
    /// From the end of the head to the end of the body: 408, close.
    public var bodyReadTimeout: TimeInterval
    /// Silence allowed between requests on a kept-alive connection: closed quietly.
    public var keepAliveTimeout: TimeInterval
    /// Time a pending response may make no progress at all: closed.
    public var writeTimeout: TimeInterval
    /// Time `runUntilSignalled` lets in-flight requests finish after SIGTERM/SIGINT.
    public var shutdownGracePeriod: TimeInterval
    /// First pause of `accept` after EMFILE/ENFILE; doubles up to one second.
    public var acceptBackoff: TimeInterval

    /// One JSON line per request on stdout.
    public var accessLog: Bool
    /// The `Server` header value.
    public var serverName: String
    /// Where the access log goes; tests point it at a pipe.
    var accessLogDescriptor: Int32 = 1

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        handlerStallThreshold: TimeInterval = 0.01,
        maxConcurrentHandlers: Int = 64,
        backlog: Int = 1024,
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 64 * 1024,
        maxChunkExtensionBytes: Int = 1024,
        maxTrailerBytes: Int = 8 * 1024,
        maxConnections: Int = 4096,
        maxPendingOutputBytes: Int = 1024 * 1024,
        headerReadTimeout: TimeInterval = 10,
        bodyReadTimeout: TimeInterval = 30,
        keepAliveTimeout: TimeInterval = 30,
        writeTimeout: TimeInterval = 30,
        shutdownGracePeriod: TimeInterval = 10,
        acceptBackoff: TimeInterval = 0.1,
        accessLog: Bool = true,
        serverName: String = "swift-http"
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.handlerStallThreshold = handlerStallThreshold
        self.maxConcurrentHandlers = maxConcurrentHandlers
        self.backlog = backlog
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkExtensionBytes = maxChunkExtensionBytes
        self.maxTrailerBytes = maxTrailerBytes
        self.maxConnections = maxConnections
        self.maxPendingOutputBytes = maxPendingOutputBytes
        self.headerReadTimeout = headerReadTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.keepAliveTimeout = keepAliveTimeout
        self.writeTimeout = writeTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.acceptBackoff = acceptBackoff
        self.accessLog = accessLog
        self.serverName = serverName
    }

    /// The parser's share of the configuration.
    var parserLimits: ParserLimits {
        ParserLimits(
            maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes,
            maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes,
            maxChunkExtensionBytes: maxChunkExtensionBytes, maxTrailerBytes: maxTrailerBytes)
    }
}

/// The limits the request parser enforces; a plain value so parser tests need no server.
struct ParserLimits: Sendable {
    var maxRequestLineBytes = 8 * 1024
    var maxHeaderBytes = 16 * 1024
    var maxHeaderCount = 100
    var maxBodyBytes = 64 * 1024
    var maxChunkExtensionBytes = 1024
    var maxTrailerBytes = 8 * 1024
}

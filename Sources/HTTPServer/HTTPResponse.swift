/// What a handler returns. The server adds Date, Server, Content-Length, Connection and
/// X-Request-Id itself, and ignores any framing headers (Content-Length,
/// Transfer-Encoding, Connection) the handler sets, so a handler cannot break framing.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// A low-cardinality label for metrics, e.g. "/v1/studies/{id}"; nil counts as "other".
    public var routeLabel: String?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.routeLabel = nil
    }
}

/// Turns a request into a response. Called synchronously on a server thread, so it may
/// block briefly (a SQLite read), but every millisecond it takes delays the other
/// connections of that thread. It cannot throw: an internal error is a 500 it returns.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

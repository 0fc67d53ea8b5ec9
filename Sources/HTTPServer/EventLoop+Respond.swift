import Glibc

/// What the loop must remember of a request while its handler runs.
struct Exchange: Sendable {
    var connectionID: UInt64
    var fd: Int32
    var method: String
    var path: String
    var version: String
    var requestID: String
    var keepAlive: Bool
    var started: UInt64
}

/// Calling the handler and queueing its response, with metrics and the access log.
extension EventLoop {
    /// Runs the handler inline with the loop's baton released, so that if it stalls another
    /// thread can take the loop over (see `LoopBaton`); meanwhile the connection is
    /// `inFlight` and reads and parses nothing more. Over the handler limit: 503.
    func respond(_ connection: Connection, to parsed: HTTPRequest, keepAlive: Bool) {
        var request = parsed
        request.peer = connection.peer
        request.requestID = requestID(echoing: request.headers["x-request-id"])
        let exchange = Exchange(
            connectionID: connection.id, fd: connection.fd, method: request.method, path: request.path,
            version: request.version, requestID: request.requestID, keepAlive: keepAlive, started: monotonicNanos())
        // Set before the baton is released: a runner that takes over must leave this connection alone.
        connection.inFlight = true
        guard baton.beginHandler(now: exchange.started) else {
            connection.inFlight = false
            complete(connection, exchange, response: Self.busyResponse)
            return
        }
        let response = shared.handler(request)
        baton.endHandler { poller.wake() }
        connection.inFlight = false
        // Closed by the runner that took over (the client reset): the fd may belong to someone else now.
        guard !connection.isClosed else { return }
        resumeReading(connection)
        complete(connection, exchange, response: response)
    }

    /// Every handler slot of the loop is held by a stalled handler: refuse rather than queue.
    static let busyResponse: HTTPResponse = {
        var response = ProblemDetails.response(
            status: 503, detail: "The server is busy with slow requests; retry in a second.")
        response.headers.append((name: "Retry-After", value: "1"))
        response.routeLabel = "busy"
        return response
    }()

    /// Serializes the handler's response into the connection's output.
    func complete(_ connection: Connection, _ exchange: Exchange, response handlerResponse: HTTPResponse) {
        var response = handlerResponse
        let keepAlive = exchange.keepAlive && !shuttingDown && !shared.shuttingDown.withLock { $0 }
        let context = ResponseSerializer.Context(
            isHEAD: exchange.method == "HEAD", keepAlive: keepAlive,
            announceKeepAlive: keepAlive && exchange.version == "HTTP/1.0",
            requestID: exchange.requestID, dateLine: currentDateLine(), serverLine: shared.serverLine)
        connection.foldTail()
        let mark = connection.output.count
        var bytes: Int
        var failure: String?
        do {
            bytes = try ResponseSerializer.serialize(response, context, into: &connection.output)
            if ResponseSerializer.sendsBodySeparately(response, context) { connection.tail = response.body }
        } catch {
            // The handler built a response that cannot be sent safely (bad status, CR/LF
            // in a header): send a 500 and log why, without telling the client.
            connection.output.removeSubrange(mark...)
            failure = "\(error)"
            let label = response.routeLabel
            response = ProblemDetails.response(status: 500, detail: "The server could not produce a valid response.")
            response.routeLabel = label
            bytes = queue(response, context, on: connection)
        }
        if !keepAlive { connection.closeAfterFlush = true }
        finishExchange(
            connection, method: exchange.method, path: exchange.path, requestID: exchange.requestID,
            status: response.status, route: response.routeLabel ?? "other", bytes: bytes, started: exchange.started,
            error: failure)
    }

    /// Answers a request the parser refused: problem+json (headers only for a HEAD), Connection: close.
    func respond(_ connection: Connection, toError error: HTTPParseError) {
        let started = monotonicNanos()
        let requestID = requestID(echoing: nil)
        let response = ProblemDetails.response(status: error.status, detail: error.detail)
        let isHEAD = connection.parser.currentRequestIsHEAD
        let context = ResponseSerializer.Context(
            isHEAD: isHEAD, keepAlive: false, announceKeepAlive: false, requestID: requestID,
            dateLine: currentDateLine(), serverLine: shared.serverLine)
        connection.foldTail()
        let bytes = queue(response, context, on: connection)
        connection.closeAfterFlush = true
        finishExchange(
            connection, method: isHEAD ? "HEAD" : "-", path: "-", requestID: requestID, status: error.status,
            route: "invalid", bytes: bytes, started: started, error: nil)
    }

    /// Queues a response the server built itself (it serializes); 0 bytes if it somehow does not.
    private func queue(_ response: HTTPResponse, _ context: ResponseSerializer.Context, on connection: Connection) -> Int {
        guard let bytes = try? ResponseSerializer.serialize(response, context, into: &connection.output) else { return 0 }
        if ResponseSerializer.sendsBodySeparately(response, context) { connection.tail = response.body }
        return bytes
    }

    private func finishExchange(
        _ connection: Connection, method: String, path: String, requestID: String, status: Int,
        route: String, bytes: Int, started: UInt64, error: String?
    ) {
        let now = monotonicNanos()
        connection.requestsServed += 1
        connection.idleSince = now
        connection.headStartedAt = 0
        connection.bodyStartedAt = 0
        shared.metrics.record(shard: index, route: route, status: status, durationNanos: now - started)
        guard shared.configuration.accessLog else { return }
        appendLogLine(
            method: method, path: path, requestID: requestID, status: status, bytes: bytes,
            durationNanos: now - started, peer: connection.peer, error: error)
    }

    /// The client's X-Request-Id when it is a short safe token (it is echoed into a header
    /// and the log), else "<process prefix>-<loop>-<counter>".
    func requestID(echoing candidate: String?) -> String {
        if let candidate, (1...128).contains(candidate.utf8.count),
           candidate.utf8.allSatisfy({ ASCII.isToken($0) && $0 != UInt8(ascii: "\"") }) {
            return candidate
        }
        requestCounter &+= 1
        return shared.requestIDPrefix + String(index, radix: 16) + "-" + String(requestCounter, radix: 16)
    }

    func currentDateLine() -> [UInt8] {
        wallClock.refresh()
        return wallClock.dateHeaderLine
    }

    private func appendLogLine(
        method: String, path: String, requestID: String, status: Int, bytes: Int, durationNanos: UInt64,
        peer: String, error: String?
    ) {
        logBuffer.append(contentsOf: "{\"time\":\"".utf8)
        wallClock.isoTimestamp(into: &logBuffer)
        logBuffer.append(contentsOf: "\",\"request_id\":".utf8)
        JSONText.appendQuoted(requestID, to: &logBuffer)
        logBuffer.append(contentsOf: ",\"method\":".utf8)
        JSONText.appendQuoted(method, to: &logBuffer)
        logBuffer.append(contentsOf: ",\"path\":".utf8)
        JSONText.appendQuoted(path, to: &logBuffer)
        logBuffer.append(contentsOf: ",\"status\":".utf8)
        ResponseSerializer.appendDecimal(status, to: &logBuffer)
        logBuffer.append(contentsOf: ",\"bytes\":".utf8)
        ResponseSerializer.appendDecimal(bytes, to: &logBuffer)
        logBuffer.append(contentsOf: ",\"duration_ms\":".utf8)
        let micros = Int(durationNanos / 1000)
        ResponseSerializer.appendDecimal(micros / 1000, to: &logBuffer)
        logBuffer.append(UInt8(ascii: "."))
        let fraction = micros % 1000
        logBuffer.append(contentsOf: [UInt8(48 + fraction / 100), UInt8(48 + (fraction / 10) % 10), UInt8(48 + fraction % 10)])
        logBuffer.append(contentsOf: ",\"peer\":".utf8)
        JSONText.appendQuoted(peer, to: &logBuffer)
        if let error {
            logBuffer.append(contentsOf: ",\"error\":".utf8)
            JSONText.appendQuoted(error, to: &logBuffer)
        }
        logBuffer.append(contentsOf: "}\n".utf8)
        logLines += 1
        if logBuffer.count >= 32 * 1024 { handOffLog() }
    }

    /// Gives the buffered lines to the writer thread; the loop never writes to stdout.
    func handOffLog() {
        guard !logBuffer.isEmpty else { return }
        shared.accessLog?.submit(logBuffer, lines: logLines)
        logBuffer = []
        logBuffer.reserveCapacity(32 * 1024 + 1024)
        logLines = 0
    }
}

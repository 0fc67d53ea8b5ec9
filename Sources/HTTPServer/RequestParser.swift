/// The incremental HTTP/1.1 request parser of one connection.
///
/// Bytes are appended as they arrive; `next()` returns the next complete request, a
/// request for "100 Continue", a need for more bytes, or an error. Every limit is checked
/// at the byte where it is crossed, and all scanning state is kept between calls, so
/// the outcome is the same however the input is split. Pipelined bytes after a request
/// stay in the buffer for the following `next()`.
struct RequestParser {
    let limits: ParserLimits
    private(set) var buffer: [UInt8] = []
    /// Start of the bytes not yet consumed by a returned request.
    private var start = 0
    private var state: State = .head

    // Head scanning, as absolute offsets into `buffer`.
    private var scanIndex = 0
    private var lineStart = 0
    private var headStart = 0
    private var requestLineEnd = 0
    private var completeLines = 0
    private var leadingEmptyLines = 0

    private enum State {
        case head
        case body(RequestHead, bodyStart: Int, length: Int, continueSent: Bool)
        case chunked(RequestHead, ChunkedDecoder, position: Int, continueSent: Bool)
        case failed(HTTPParseError)
    }

    enum Step {
        case needMore
        /// The head asked for `Expect: 100-continue` and was accepted; send the interim response.
        case sendContinue
        case request(HTTPRequest, keepAlive: Bool)
        case error(HTTPParseError)
    }

    /// What the connection is waiting for; drives which timeout applies.
    enum Phase: Equatable {
        case idle, head, body
    }

    init(limits: ParserLimits) {
        self.limits = limits
    }

    var phase: Phase {
        switch state {
        case .head: return start == buffer.count ? .idle : .head
        case .body, .chunked: return .body
        case .failed: return .head
        }
    }

    /// Whether the request being read (or the one refused) is a HEAD: the refusal must then
    /// carry no body (RFC 9112 §6.3), or a client would read the body as the next response.
    var currentRequestIsHEAD: Bool {
        let prefix = "HEAD ".utf8
        guard buffer.count - headStart >= prefix.count else { return false }
        return buffer[headStart..<(headStart + prefix.count)].elementsEqual(prefix)
    }

    /// Bytes received and not yet part of a returned request.
    var bufferedByteCount: Int { buffer.count - start }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    mutating func next() -> Step {
        do {
            return try advance()
        } catch {
            state = .failed(error)
            return .error(error)
        }
    }

    private mutating func advance() throws(HTTPParseError) -> Step {
        switch state {
        case .failed(let error):
            return .error(error)
        case .head:
            guard let headEnd = try scanHead() else { return .needMore }
            let head = try RequestHeadParser.parse(buffer[headStart..<headEnd], limits: limits)
            switch head.framing {
            case .none:
                return finish(head, body: [], end: headEnd)
            case .length(let length):
                state = .body(head, bodyStart: headEnd, length: length, continueSent: false)
            case .chunked:
                state = .chunked(head, ChunkedDecoder(limits: limits), position: headEnd, continueSent: false)
            }
            return try advance()
        case .body(let head, let bodyStart, let length, let continueSent):
            if buffer.count - bodyStart >= length {
                return finish(head, body: Array(buffer[bodyStart..<(bodyStart + length)]), end: bodyStart + length)
            }
            if head.expectsContinue && !continueSent && buffer.count == bodyStart {
                state = .body(head, bodyStart: bodyStart, length: length, continueSent: true)
                return .sendContinue
            }
            return .needMore
        case .chunked(let head, var decoder, let position, let continueSent):
            if head.expectsContinue && !continueSent && buffer.count == position {
                state = .chunked(head, decoder, position: position, continueSent: true)
                return .sendContinue
            }
            let (consumed, progress) = try decoder.feed(buffer[position...])
            if progress == .done {
                return finish(head, body: decoder.body, end: position + consumed)
            }
            state = .chunked(head, decoder, position: position + consumed, continueSent: true)
            return .needMore
        }
    }

    /// Finds the end of the head (just past CRLF CRLF), checking line endings and
    /// limits byte by byte; nil when more bytes are needed.
    private mutating func scanHead() throws(HTTPParseError) -> Int? {
        let limits = self.limits
        var i = scanIndex
        defer { scanIndex = i }
        return try buffer.withUnsafeBufferPointer { (p) throws(HTTPParseError) -> Int? in
            while i < p.count {
                let byte = p[i]
                if byte == ASCII.lf {
                    guard i > lineStart, p[i - 1] == ASCII.cr else {
                        throw .badRequest("A line ends in a bare LF; CRLF is required.")
                    }
                    let lineLength = i - 1 - lineStart
                    if completeLines == 0 {
                        if lineLength == 0 {
                            // RFC 9112 §2.2: ignore a few empty lines before the request line.
                            leadingEmptyLines += 1
                            if leadingEmptyLines > 4 { throw .badRequest("Too many empty lines before the request.") }
                            i += 1
                            lineStart = i
                            headStart = i
                            continue
                        }
                        requestLineEnd = i + 1
                    } else if lineLength == 0 {
                        i += 1
                        return i
                    } else if completeLines > limits.maxHeaderCount {
                        throw .headersTooLarge("The request has more than \(limits.maxHeaderCount) header fields.")
                    }
                    completeLines += 1
                    lineStart = i + 1
                } else if completeLines == 0 {
                    if i - lineStart > limits.maxRequestLineBytes { throw .uriTooLong }
                } else if i - requestLineEnd >= limits.maxHeaderBytes {
                    throw .headersTooLarge("The header section is larger than \(limits.maxHeaderBytes) bytes.")
                }
                i += 1
            }
            return nil
        }
    }

    private mutating func finish(_ head: RequestHead, body: [UInt8], end: Int) -> Step {
        let request = HTTPRequest(
            method: head.method, path: head.target.path, pathSegments: head.target.pathSegments,
            rawTarget: head.rawTarget, queryItems: head.target.queryItems.map { (name: $0.name, value: $0.value) },
            headers: head.headers, body: body, version: head.version)
        consume(upTo: end)
        return .request(request, keepAlive: head.keepAlive)
    }

    /// Drops a finished request's bytes and resets scanning for the next one. Memory is
    /// moved only when the buffer is empty (free) or the dead prefix has grown large.
    private mutating func consume(upTo end: Int) {
        start = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            start = 0
        } else if start >= 16 * 1024 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        state = .head
        scanIndex = start
        lineStart = start
        headStart = start
        requestLineEnd = start
        completeLines = 0
        leadingEmptyLines = 0
    }
}

/// Turns a handler's response into bytes on the wire.
///
/// The server owns framing: it writes Content-Length itself (none for 204/304), drops
/// the body of HEAD responses while keeping their length, and ignores any
/// Content-Length, Transfer-Encoding, Connection or Date the handler set. A response
/// whose status or headers could split the response stream (CR, LF, NUL in a value, a
/// name that is not a token) is refused, and the caller sends a 500 instead.
enum ResponseSerializer {
    enum Refusal: Error, Equatable {
        case invalidStatus(Int)
        case invalidHeader(String)
    }

    struct Context {
        var isHEAD: Bool
        var keepAlive: Bool
        /// HTTP/1.0 clients that asked for keep-alive must be told it was granted.
        var announceKeepAlive: Bool
        var requestID: String
        var dateLine: [UInt8]
        var serverLine: [UInt8]
    }

    /// Bodies from this size on are not copied behind their head but sent from their own buffer
    /// (`Connection.tail`, one `sendmsg` with two vectors); a smaller copy costs less than the bookkeeping.
    static let separateBodyBytes = 1_024

    /// Whether `serialize` leaves the body of `response` out of `out`, for the caller to send from its own buffer.
    static func sendsBodySeparately(_ response: HTTPResponse, _ context: Context) -> Bool {
        !context.isHEAD && response.body.count >= separateBodyBytes && !HTTPStatus.forbidsBody(response.status)
    }

    /// Appends the response to `out` (the head only when `sendsBodySeparately`) and returns the body bytes
    /// counted in Content-Length (what the access log reports).
    static func serialize(_ response: HTTPResponse, _ context: Context, into out: inout [UInt8]) throws(Refusal) -> Int {
        guard (200...999).contains(response.status) else { throw .invalidStatus(response.status) }
        for header in response.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(ASCII.isToken) else {
                throw .invalidHeader(header.name)
            }
            guard header.value.utf8.allSatisfy(ASCII.isFieldValue) else { throw .invalidHeader(header.name) }
        }
        let noBody = HTTPStatus.forbidsBody(response.status)
        let bodyInline = !sendsBodySeparately(response, context)
        out.reserveCapacity(out.count + 160 + response.headers.count * 40 + (context.isHEAD || !bodyInline ? 0 : response.body.count))
        out.append(contentsOf: HTTPStatus.statusLines[response.status])
        out.append(contentsOf: context.dateLine)
        var hasServer = false, hasRequestID = false
        for header in response.headers {
            let name = header.name
            if name.asciiCaseInsensitiveEquals("content-length") || name.asciiCaseInsensitiveEquals("transfer-encoding")
                || name.asciiCaseInsensitiveEquals("connection") || name.asciiCaseInsensitiveEquals("date") {
                continue
            }
            if name.asciiCaseInsensitiveEquals("server") { hasServer = true }
            if name.asciiCaseInsensitiveEquals("x-request-id") { hasRequestID = true }
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: [ASCII.colon, ASCII.space])
            out.append(contentsOf: header.value.utf8)
            out.append(contentsOf: [ASCII.cr, ASCII.lf])
        }
        if !hasServer { out.append(contentsOf: context.serverLine) }
        if !hasRequestID {
            out.append(contentsOf: "X-Request-Id: ".utf8)
            out.append(contentsOf: context.requestID.utf8)
            out.append(contentsOf: [ASCII.cr, ASCII.lf])
        }
        if !context.keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if context.announceKeepAlive {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        if noBody {
            out.append(contentsOf: [ASCII.cr, ASCII.lf])
            return 0
        }
        out.append(contentsOf: "Content-Length: ".utf8)
        appendDecimal(response.body.count, to: &out)
        out.append(contentsOf: [ASCII.cr, ASCII.lf, ASCII.cr, ASCII.lf])
        if !context.isHEAD && bodyInline { out.append(contentsOf: response.body) }
        return response.body.count
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == 0 { out.append(48); return }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        out.append(contentsOf: digits.reversed())
    }
}

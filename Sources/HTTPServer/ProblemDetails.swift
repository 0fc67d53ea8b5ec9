/// RFC 9457 problem+json bodies for the errors the server answers itself.
enum ProblemDetails {
    static func response(status: Int, detail: String) -> HTTPResponse {
        let title = HTTPStatus.reason(status)
        var json = "{\"type\":\"about:blank\",\"title\":"
        JSONText.appendQuoted(title, to: &json)
        json += ",\"status\":\(status),\"detail\":"
        JSONText.appendQuoted(detail, to: &json)
        json += "}"
        return HTTPResponse(
            status: status, headers: [(name: "Content-Type", value: "application/problem+json")], body: Array(json.utf8))
    }
}

/// Minimal JSON string escaping for the server's own output (problem bodies, access log), public so that
/// handlers writing JSON by hand quote strings the same way.
public enum JSONText {
    public static func appendQuoted(_ string: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(string, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes '"', '\' and control characters; other UTF-8 passes through unchanged.
    public static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

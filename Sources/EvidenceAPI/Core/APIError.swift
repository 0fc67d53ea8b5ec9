import HTTPServer

/// An error the API answers with a problem+json body (RFC 9457). The detail is written for the caller and
/// never holds SQL, a file path or a stack trace.
struct APIError: Error, Sendable {
    var status: Int
    var detail: String
    var headers: [(name: String, value: String)] = []

    static func badRequest(_ detail: String) -> APIError { APIError(status: 400, detail: detail) }
    static func notFound(_ detail: String) -> APIError { APIError(status: 404, detail: detail) }
    static func notAcceptable(_ detail: String) -> APIError { APIError(status: 406, detail: detail) }
    static func unavailable(_ detail: String) -> APIError { APIError(status: 503, detail: detail) }
    static let internalError = APIError(status: 500, detail: "the server could not answer this request; it has been logged")

    static func methodNotAllowed(_ method: String, allow: String) -> APIError {
        APIError(status: 405, detail: "method \(method) is not allowed here; use \(allow)", headers: [("Allow", allow)])
    }

    var response: HTTPResponse {
        var json = JSONBuffer()
        json.object { object in
            object.field("type", "about:blank")
            object.field("title", HTTPStatus.reason(status))
            object.field("status", status)
            object.field("detail", detail)
        }
        var response = HTTPResponse(status: status, headers: headers + [("Content-Type", "application/problem+json")],
                                    body: json.bytes)
        response.headers.append(contentsOf: SecurityHeaders.json)
        return response
    }
}

enum SecurityHeaders {
    static let json: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy", "default-src 'none'"),
    ]
}

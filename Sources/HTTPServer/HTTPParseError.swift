/// Why a request was refused before reaching the handler. Every case maps to one
/// status; all of them close the connection, since after a framing error the server
/// cannot know where the next request would start.
public enum HTTPParseError: Error, Equatable, Sendable {
    case badRequest(String)            // 400
    case requestTimeout                // 408
    case payloadTooLarge               // 413
    case uriTooLong                    // 414
    case headersTooLarge(String)       // 431
    case notImplemented(String)        // 501
    case versionNotSupported(String)   // 505

    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .requestTimeout: return 408
        case .payloadTooLarge: return 413
        case .uriTooLong: return 414
        case .headersTooLarge: return 431
        case .notImplemented: return 501
        case .versionNotSupported: return 505
        }
    }

    /// A detail safe to send to the client: it names the rule broken, never echoes input.
    public var detail: String {
        switch self {
        case .badRequest(let why): return why
        case .requestTimeout: return "The request was not received in time."
        case .payloadTooLarge: return "The request body is larger than the server accepts."
        case .uriTooLong: return "The request line is longer than the server accepts."
        case .headersTooLarge(let why): return why
        case .notImplemented(let why): return why
        case .versionNotSupported(let why): return why
        }
    }
}

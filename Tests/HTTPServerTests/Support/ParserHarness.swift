@testable import HTTPServer

/// What one parser step produced, in a comparable form.
enum Outcome: Equatable, CustomStringConvertible {
    case request(Parsed)
    case sendContinue
    case error(HTTPParseError)

    var description: String {
        switch self {
        case .request(let p): return "request(\(p.method) \(p.path) q=\(p.query) body=\(p.body.count) keepAlive=\(p.keepAlive))"
        case .sendContinue: return "100-continue"
        case .error(let e): return "error(\(e.status) \(e.detail))"
        }
    }

    var status: Int? {
        if case .error(let e) = self { return e.status }
        return nil
    }
}

struct Parsed: Equatable {
    var method: String
    var path: String
    var segments: [String]
    var query: [String]
    var headers: [String]
    var body: [UInt8]
    var version: String
    var keepAlive: Bool
}

/// Feeds `input` to a fresh parser in the given chunk sizes (nil: all at once) and
/// collects every step until the parser needs more bytes or fails.
func parse(_ input: [UInt8], chunks: [Int]? = nil, limits: ParserLimits = ParserLimits(), dropContinue: Bool = true) -> [Outcome] {
    var parser = RequestParser(limits: limits)
    var outcomes: [Outcome] = []
    var offset = 0
    let sizes = chunks ?? [input.count]
    var sizeIndex = 0
    func drain() -> Bool {
        while true {
            switch parser.next() {
            case .needMore: return true
            case .sendContinue: if !dropContinue { outcomes.append(.sendContinue) }
            case .request(let r, let keepAlive):
                outcomes.append(.request(Parsed(
                    method: r.method, path: r.path, segments: r.pathSegments,
                    query: r.queryItems.map { "\($0.name)=\($0.value)" }, headers: r.headers.map { "\($0.name): \($0.value)" },
                    body: r.body, version: r.version, keepAlive: keepAlive)))
            case .error(let e):
                outcomes.append(.error(e))
                return false
            }
        }
    }
    while offset < input.count {
        let size = max(1, sizeIndex < sizes.count ? sizes[sizeIndex] : 1)
        sizeIndex += 1
        let end = min(input.count, offset + size)
        parser.append(input[offset..<end])
        offset = end
        if !drain() { return outcomes }
    }
    if input.isEmpty { _ = drain() }
    return outcomes
}

func parse(_ text: String, limits: ParserLimits = ParserLimits()) -> [Outcome] {
    parse(Array(text.utf8), limits: limits)
}

/// Whole, byte by byte, and the same result either way.
func parseBothWays(_ text: String, limits: ParserLimits = ParserLimits()) -> (whole: [Outcome], bytewise: [Outcome]) {
    let bytes = Array(text.utf8)
    return (parse(bytes, limits: limits), parse(bytes, chunks: Array(repeating: 1, count: bytes.count), limits: limits))
}

/// A small seedable generator (SplitMix64), so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

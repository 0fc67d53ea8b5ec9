// libFuzzer target: the HTTP/1.1 request parser (Sources/HTTPServer/RequestParser.swift).
//
// The first input byte picks a mode:
//   even: the rest is arbitrary bytes. They are parsed in one piece and again split at points derived from the
//         input; both must give the same sequence of outcomes (the parser promises split-independence), every
//         error must map to a 4xx/5xx status, and a returned request must satisfy the framing invariants.
//   odd:  the rest describes a *valid* request (method, path, query, headers, body); it is serialised, cut at
//         points derived from the input, and must parse back to exactly that request, then the same request
//         pipelined twice must give two identical requests.
@testable import HTTPServer

struct Parsed: Equatable {
    var method: String, path: String, segments: [String], query: [String], headers: [String]
    var body: [UInt8], version: String, keepAlive: Bool
}
enum Outcome: Equatable { case request(Parsed), sendContinue, error(HTTPParseError) }

func run(_ input: [UInt8], cuts: [Int], limits: ParserLimits) -> [Outcome] {
    var parser = RequestParser(limits: limits)
    var outcomes: [Outcome] = []
    var offset = 0
    var pieces = cuts.filter { $0 > 0 && $0 < input.count }.sorted()
    pieces.append(input.count)
    for end in pieces where end > offset {
        parser.append(input[offset..<end])
        offset = end
        loop: while true {
            switch parser.next() {
            case .needMore: break loop
            case .sendContinue: continue
            case .request(let r, let keepAlive):
                outcomes.append(.request(Parsed(method: r.method, path: r.path, segments: r.pathSegments,
                    query: r.queryItems.map { "\($0.name)=\($0.value)" }, headers: r.headers.map { "\($0.name): \($0.value)" },
                    body: r.body, version: r.version, keepAlive: keepAlive)))
            case .error(let e):
                outcomes.append(.error(e))
                // A failed parser must stay failed.
                guard case .error(let again) = parser.next(), again == e else { fatalError("parser left the failed state") }
                return outcomes
            }
        }
    }
    return outcomes
}

func check(_ outcomes: [Outcome], limits: ParserLimits) {
    for outcome in outcomes {
        switch outcome {
        case .error(let e):
            precondition((400...599).contains(e.status), "error status \(e.status)")
            precondition(!e.detail.isEmpty)
        case .request(let r):
            precondition(!r.method.isEmpty && r.method.utf8.allSatisfy { $0 > 32 && $0 < 127 }, "bad method token \(r.method)")
            precondition(r.version == "HTTP/1.1" || r.version == "HTTP/1.0", "version \(r.version)")
            precondition(r.body.count <= limits.maxBodyBytes, "body over the limit")
            precondition(r.headers.count <= limits.maxHeaderCount + 1, "too many headers")
            for h in r.headers { precondition(!h.utf8.contains(13) && !h.utf8.contains(10), "CR/LF inside a header") }
        case .sendContinue: break
        }
    }
}

struct Bytes {
    var data: [UInt8]; var i = 0
    mutating func byte() -> UInt8 { defer { i += 1 }; return i < data.count ? data[i] : 0 }
    mutating func string(_ alphabet: [UInt8], max: Int) -> String {
        let n = Int(byte()) % (max + 1)
        var out: [UInt8] = []
        for _ in 0..<n { out.append(alphabet[Int(byte()) % alphabet.count]) }
        return String(decoding: out, as: UTF8.self)
    }
}

let tchar = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'".utf8)
let pchar = Array("abcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
let vchar = Array("abcdefghijklmnopqrstuvwxyz ABC0123456789-._~;,=/\"()".utf8)

func validRequest(_ b: inout Bytes) -> (bytes: [UInt8], method: String, path: String, query: [String], headers: [String], body: [UInt8]) {
    let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]
    let method = methods[Int(b.byte()) % methods.count]
    var path = ""
    for _ in 0..<(Int(b.byte()) % 5) { path += "/" + b.string(pchar, max: 8) }
    if path.isEmpty { path = "/" }
    var query: [String] = []
    for _ in 0..<(Int(b.byte()) % 4) { query.append(b.string(pchar, max: 6) + "=" + b.string(pchar, max: 6)) }
    var headers = ["Host: example"]
    for _ in 0..<(Int(b.byte()) % 6) {
        var name = b.string(tchar, max: 10); if name.isEmpty { name = "X" }
        if ["host", "content-length", "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer"].contains(name.lowercased()) { name = "X-" + name }
        let value = b.string(vchar, max: 20).trimmingSpaces()
        headers.append("\(name): \(value)")
    }
    let bodyAllowed = method == "POST" || method == "PUT" || method == "PATCH"
    let body: [UInt8] = bodyAllowed ? Array(b.string(vchar, max: 60).utf8) : []
    let chunked = bodyAllowed && b.byte() & 1 == 1
    var head = "\(method) \(path)\(query.isEmpty ? "" : "?" + query.joined(separator: "&")) HTTP/1.1\r\n"
    for h in headers { head += h + "\r\n" }
    var bytes: [UInt8]
    if chunked {
        head += "Transfer-Encoding: chunked\r\n\r\n"
        bytes = Array(head.utf8)
        var rest = body[...]
        while !rest.isEmpty {
            let n = min(rest.count, 1 + Int(b.byte()) % 16)
            bytes += Array(String(n, radix: 16).utf8) + [13, 10] + rest.prefix(n) + [13, 10]
            rest = rest.dropFirst(n)
        }
        bytes += Array("0\r\n\r\n".utf8)
    } else {
        if bodyAllowed { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        bytes = Array(head.utf8) + body
    }
    return (bytes, method, path, query, headers, body)
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let mode = data.first else { return 0 }
    var limits = ParserLimits()
    // Small limits reach every limit check with short inputs.
    if mode & 2 == 2 {
        limits.maxRequestLineBytes = 64; limits.maxHeaderBytes = 128; limits.maxHeaderCount = 4
        limits.maxBodyBytes = 32; limits.maxChunkExtensionBytes = 8; limits.maxTrailerBytes = 32
    }
    if mode & 1 == 0 {
        let input = Array(data.dropFirst())
        let whole = run(input, cuts: [], limits: limits)
        check(whole, limits: limits)
        // Cut points: every 7th byte's value as a stride, plus byte-by-byte for short inputs.
        var cuts: [Int] = []
        var at = 0
        for (k, byte) in input.enumerated() where k % 7 == 0 { at += 1 + Int(byte % 13); cuts.append(at) }
        let split = run(input, cuts: cuts, limits: limits)
        if split != whole { fatalError("split-dependent outcome:\n whole \(whole)\n split \(split)") }
        if input.count <= 256 {
            let single = run(input, cuts: Array(0..<input.count), limits: limits)
            if single != whole { fatalError("byte-by-byte outcome differs:\n whole \(whole)\n single \(single)") }
        }
    } else {
        var b = Bytes(data: Array(data.dropFirst()))
        let req = validRequest(&b)
        let limits = ParserLimits()
        var cuts: [Int] = []
        for _ in 0..<(Int(b.byte()) % 6) { cuts.append(Int(b.byte()) * 3 % max(1, req.bytes.count)) }
        let outcomes = run(req.bytes, cuts: cuts, limits: limits)
        guard outcomes.count == 1, case .request(let r) = outcomes[0] else {
            fatalError("a valid request was not parsed: \(String(decoding: req.bytes, as: UTF8.self).debugDescription) -> \(outcomes)")
        }
        precondition(r.method == req.method, "method \(r.method) != \(req.method)")
        precondition(r.path == req.path, "path \(r.path) != \(req.path)")
        precondition(r.query == req.query, "query \(r.query) != \(req.query)")
        precondition(r.body == req.body, "body differs")
        precondition(r.keepAlive, "HTTP/1.1 without Connection: close must keep alive")
        for h in req.headers where !h.hasPrefix("Host") {
            precondition(r.headers.contains(h), "header \(h) lost; got \(r.headers)")
        }
        let twice = run(req.bytes + req.bytes, cuts: cuts.map { $0 + req.bytes.count / 2 }, limits: limits)
        precondition(twice.count == 2 && twice[0] == twice[1] && twice[0] == outcomes[0], "pipelined pair differs")
    }
    return 0
}

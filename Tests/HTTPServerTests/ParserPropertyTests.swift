import Testing
@testable import HTTPServer

/// Random valid request streams, split at random points into 1-7 reads (and byte by
/// byte), must parse exactly as when fed whole.
@Suite struct ParserPropertyTests {
    private func randomRequest(_ rng: inout SplitMix64) -> String {
        let methods = ["GET", "POST", "HEAD", "DELETE", "PUT"]
        let method = methods.randomElement(using: &rng) ?? "GET"
        let segments = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
            ["v1", "studies", "a%2Fb", "caf%C3%A9", "x+y", "%E6%BC%A2"].randomElement(using: &rng) ?? "x"
        }
        var target = "/" + segments.joined(separator: "/")
        if Bool.random(using: &rng) { target += "?q=a+b&n=\(Int.random(in: 0...999, using: &rng))&e=%26" }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: h\(Int.random(in: 0...9, using: &rng))\r\n"
        for i in 0..<Int.random(in: 0...6, using: &rng) {
            head += "X-Field-\(i):\(Bool.random(using: &rng) ? " " : "")value \(i)\t\r\n"
        }
        let bodyLength = method == "POST" || method == "PUT" ? Int.random(in: 0...300, using: &rng) : 0
        let body = String((0..<bodyLength).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &rng))) })
        if bodyLength > 0 && Bool.random(using: &rng) {
            head += "Transfer-Encoding: chunked\r\n\r\n"
            var rest = Substring(body)
            while !rest.isEmpty {
                let n = min(rest.count, Int.random(in: 1...64, using: &rng))
                head += String(n, radix: 16, uppercase: Bool.random(using: &rng)) + (Bool.random(using: &rng) ? ";ext=1" : "") + "\r\n"
                head += rest.prefix(n) + "\r\n"
                rest = rest.dropFirst(n)
            }
            return head + "0\r\n" + (Bool.random(using: &rng) ? "Trailer-A: 1\r\n" : "") + "\r\n"
        }
        return head + "Content-Length: \(bodyLength)\r\n\r\n" + body
    }

    @Test func randomSplitsGiveTheSameRequests() {
        var rng = SplitMix64(state: 0xC0FFEE)
        for _ in 0..<200 {
            let stream = Array((0..<Int.random(in: 1...3, using: &rng)).map { _ in randomRequest(&rng) }.joined().utf8)
            let whole = parse(stream)
            #expect(whole.allSatisfy { $0.status == nil }, "\(whole)")
            var chunks: [Int] = []
            var remaining = stream.count
            let reads = Int.random(in: 1...7, using: &rng)
            for i in 0..<reads {
                let n = i == reads - 1 ? remaining : Int.random(in: 0...remaining, using: &rng)
                chunks.append(max(1, n))
                remaining -= n
                if remaining <= 0 { break }
            }
            #expect(parse(stream, chunks: chunks) == whole)
        }
    }

    @Test func everySplitPointOfAChunkedRequest() {
        let stream = Array(("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;k=v\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nT: 1\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n").utf8)
        let whole = parse(stream)
        #expect(whole.count == 2)
        for split in 1..<stream.count {
            #expect(parse(stream, chunks: [split, stream.count - split]) == whole, "split at \(split)")
        }
        #expect(parse(stream, chunks: Array(repeating: 1, count: stream.count)) == whole)
    }
}

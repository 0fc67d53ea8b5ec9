import Foundation
import Testing
@testable import HTTPServer

/// Large bodies are sent from their own buffer after their head (one sendmsg, two vectors): the bytes on the wire
/// must be exactly those of a copied body, in order, across partial writes and pipelined responses.
@Suite struct SeparateBodyTests {
    /// "/pattern?bytes=N&seed=S": N bytes that differ by position and seed, so a shifted or reordered byte shows.
    static let patternHandler: HTTPHandler = { request in
        let count = Int(request.query("bytes") ?? "0") ?? 0
        let seed = Int(request.query("seed") ?? "0") ?? 0
        return HTTPResponse(status: 200, headers: [(name: "Content-Type", value: "application/octet-stream")],
                            body: expected(count, seed: seed))
    }

    static func expected(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 31 &+ seed &* 7) % 251) }
    }

    @Test func pipelinedLargeAndSmallBodiesArriveWholeAndInOrder() throws {
        // Sizes around the threshold, one far above the socket buffers (partial writes, EPOLLOUT), and a HEAD.
        let sizes = [200_000, 10, ResponseSerializer.separateBodyBytes, ResponseSerializer.separateBodyBytes - 1, 70_000, 3_000]
        try withServer(handler: Self.patternHandler) { _, port in
            let client = try TestClient(port: port, receiveBuffer: 4_096)
            var batch = ""
            for (index, size) in sizes.enumerated() {
                batch += "GET /pattern?bytes=\(size)&seed=\(index) HTTP/1.1\r\nHost: x\r\n\r\n"
            }
            batch += "HEAD /pattern?bytes=5000&seed=9 HTTP/1.1\r\nHost: x\r\n\r\n"
            batch += "GET /pattern?bytes=2048&seed=10 HTTP/1.1\r\nHost: x\r\n\r\n"
            client.send(batch)
            Thread.sleep(forTimeInterval: 0.2)   // let the server fill the socket and wait for EPOLLOUT
            for (index, size) in sizes.enumerated() {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.headers["content-length"] == String(size))
                #expect(response.body == Self.expected(size, seed: index), "response \(index) of \(size) bytes")
            }
            let head = try client.readResponse(isHEAD: true)
            #expect(head.headers["content-length"] == "5000" && head.body.isEmpty)
            let last = try client.readResponse()
            #expect(last.body == Self.expected(2048, seed: 10))
        }
    }

    @Test func aLargeBodyWithConnectionCloseIsSentWholeBeforeTheClose() throws {
        try withServer(handler: Self.patternHandler) { _, port in
            let client = try TestClient(port: port, receiveBuffer: 4_096)
            client.send("GET /pattern?bytes=150000&seed=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.body == Self.expected(150_000, seed: 3))
            #expect(client.isClosedByServer())
        }
    }
}

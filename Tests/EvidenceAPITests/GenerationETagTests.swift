import Foundation
import HTTPServer
import Ingest
import Testing
@testable import EvidenceAPI
import EvidenceModel

/// The ETag of a data answer names the data generation and the request, over real sockets: a conditional GET is
/// a 304 while nothing was committed, and a 200 with a new tag once something was.
@Suite struct GenerationETagTests {
    let corpus: TestCorpus
    let server: HTTPServer
    let port: Int

    init() throws {
        corpus = try TestCorpus()
        let api = EvidenceAPI(databasePath: corpus.path)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        server = HTTPServer(configuration: configuration) { request in api.handle(request) }
        port = try server.start()
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
        var etag: String { headers["etag"] ?? "" }
    }

    func get(_ target: String, method: String = "GET", headers: [(String, String)] = []) throws -> Answer {
        let extra = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        let reply = try LiveServerTests.exchange(
            port: port, "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\(extra)\r\n")
        let parts = reply.components(separatedBy: "\r\n\r\n")
        var lines = parts[0].components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func ingestOneMore(_ name: String) throws {
        let text = SourceText("Vitamin K2 supplements and arterial stiffness in older adults, a short note.")
        try corpus.store().write(Extraction(source: ExtractedSource(file: name, text: text, sha256: name, kind: .other)))
    }

    @Test func aCommitChangesTheTagAndEndsThe304s() throws {
        defer { server.shutdown(grace: 1) }
        for target in ["/v1/sources?limit=5", "/v1/sources/" + (try firstSourceID())] {
            let first = try get(target)
            #expect(first.status == 200)
            #expect(first.etag.hasPrefix("\"") && first.etag.hasSuffix("\"") && !first.etag.hasPrefix("W/"), "strong: \(first.etag)")
            let repeated = try get(target)
            #expect(repeated.etag == first.etag && repeated.body == first.body)
            let conditional = try get(target, headers: [("If-None-Match", first.etag)])
            #expect(conditional.status == 304 && conditional.body.isEmpty)
            #expect(conditional.etag == first.etag)
            #expect(conditional.headers["cache-control"] == first.headers["cache-control"])
            #expect(conditional.headers["vary"] == "Accept" && conditional.headers["content-type"] == nil)
            #expect(try get(target, headers: [("If-None-Match", "W/" + first.etag)]).status == 304)   // weak comparison

            try ingestOneMore("late-\(target.count).txt")
            let after = try get(target, headers: [("If-None-Match", first.etag)])
            #expect(after.status == 200, "\(target) after a commit")
            #expect(!after.etag.isEmpty && after.etag != first.etag)
            #expect(try get(target, headers: [("If-None-Match", after.etag)]).status == 304)
        }
        // The list's body did change with the commit: total 3 → 5 over the two ingests.
        #expect(try get("/v1/sources?limit=5").body.contains("\"total\":5"))
    }

    func firstSourceID() throws -> String {
        let body = try get("/v1/sources?limit=1").body
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return try #require((object?["data"] as? [[String: Any]])?.first?["id"] as? String)
    }

    @Test func theTagFollowsTheRepresentationNotTheSpellingOfTheQuery() throws {
        defer { server.shutdown(grace: 1) }
        let json = try get("/v1/studies?limit=2&sort=year")
        #expect(try get("/v1/studies?sort=year&limit=2").etag == json.etag)   // same request, other order
        let csv = try get("/v1/studies?limit=2&sort=year", headers: [("Accept", "text/csv")])
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8" && csv.etag != json.etag)
        #expect(try get("/v1/studies?limit=2&sort=year", headers: [("If-None-Match", csv.etag)]).status == 200)
        #expect(try get("/v1/studies?limit=3&sort=year").etag != json.etag)
        #expect(try get("/v1/studies.csv?limit=2&sort=year").etag != json.etag)
    }

    @Test func headAnswersLikeGetWithoutTheBody() throws {
        defer { server.shutdown(grace: 1) }
        let target = "/v1/studies?condition=vascular%20calcification"
        let full = try get(target)
        let head = try get(target, method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        for name in ["etag", "content-length", "content-type", "cache-control", "vary"] {
            #expect(head.headers[name] == full.headers[name], "\(name)")
        }
        #expect(try get(target, method: "HEAD", headers: [("If-None-Match", full.etag)]).status == 304)
    }

    /// "*" matches only what exists, so it cannot turn a missing id into a 304; a tag of another process never matches.
    @Test func aWildcardNeedsTheAnswerAndAnotherProcessNeverMatches() throws {
        defer { server.shutdown(grace: 1) }
        #expect(try get("/v1/studies/st_nonexistent", headers: [("If-None-Match", "*")]).status == 404)
        #expect(try get("/v1/studies?limit=1", headers: [("If-None-Match", "*")]).status == 304)
        let tag = try get("/v1/studies?limit=1").etag
        let other = APIClient(api: EvidenceAPI(databasePath: corpus.path))
        let restarted = other.get("/v1/studies", headers: [])
        #expect(restarted.status == 200)
        #expect(other.get("/v1/studies?limit=1", headers: [("If-None-Match", tag)]).status == 200)
    }

    /// Live state is not data: its tag stays a hash of what it says.
    @Test func healthKeepsItsBodyTag() throws {
        defer { server.shutdown(grace: 1) }
        let first = try get("/health")
        #expect(first.headers["cache-control"] == "no-store")
        try ingestOneMore("health.txt")
        let second = try get("/health")
        #expect(second.body != first.body && second.etag != first.etag)
    }
}

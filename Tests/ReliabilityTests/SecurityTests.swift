import Foundation
import HTTPServer
import SQLiteDB
import Testing
@testable import EvidenceAPI

/// Security review items that router mode can show without sockets: the read-only connection, error bodies that
/// leak nothing, the security headers on JSON; and, through the CLI, the refusal of symlinks leaving the folder.
@Suite(.serialized) struct SecurityTests {
    static let leaks = ["/tmp", "/work", "/root", ".sqlite", "SELECT", "FROM ", "WHERE", "sqlite3_", "SQLITE_",
                        "Fatal error", ".swift", "Stack", "0x0000"]

    func seeded() throws -> (folder: String, db: String) {
        let folder = try Tool.scratch()
        let db = folder + "/e.sqlite"
        let r = try Tool.run(["ingest", "--db", db, Tool.packageRoot + "/seeds"])
        #expect(r.status == 0, "\(r.stderr)")
        return (folder, db)
    }

    func get(_ api: EvidenceAPI, _ path: String, _ query: [(String, String)] = [], method: String = "GET") -> HTTPResponse {
        api.handle(HTTPRequest(method: method, path: path, queryItems: query.map { (name: $0.0, value: $0.1) }))
    }

    func header(_ r: HTTPResponse, _ name: String) -> String? {
        r.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    @Test func serverConnectionIsReadOnly() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let api = EvidenceAPI(databasePath: path)
        #expect(get(api, "/health").status == 200)
        for sql in ["CREATE TABLE evil (x)", "DELETE FROM sources", "UPDATE sources SET title = 'x'", "PRAGMA user_version = 99"] {
            #expect(throws: SQLiteError.self, "\(sql) must fail on the server's connection") {
                try api.services.pool.withConnection { try $0.db.execute(sql) }
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for route in ["/v1/studies", "/v1/claims", "/v1/comments", "/v1/sources", "/v1/search", "/v1/conditions"] {
            _ = get(api, route, route == "/v1/search" ? [("q", "vitamin")] : [])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "serving changed the database file")
    }

    @Test func errorBodiesLeakNothing() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let api = EvidenceAPI(databasePath: path)
        let cases: [(String, [(String, String)], String)] = [
            ("/nope", [], "GET"), ("/v1/studies/st_missing", [], "GET"), ("/v1/studies", [("conditon", "x")], "GET"),
            ("/v1/studies", [("limit", "0")], "GET"), ("/v1/studies", [("limit", "1"), ("limit", "2")], "GET"),
            ("/v1/studies", [("cursor", "not-a-cursor")], "GET"), ("/v1/studies", [("q", "\"unbalanced")], "GET"),
            ("/v1/studies", [("q", "a AND OR NOT (")], "GET"), ("/v1/search", [("q", "*")], "GET"),
            ("/v1/search", [], "GET"), ("/v1/claims", [("hedged", "maybe")], "GET"), ("/v1/studies", [], "DELETE"),
            ("/v1/studies", [("min_year", "99999999999999999999")], "GET"), ("/v1/sources/../../etc/passwd/text", [], "GET"),
        ]
        for (route, query, method) in cases {
            let r = get(api, route, query, method: method)
            // Full-text input the API can make safe (an unbalanced quote, stray operators) may answer 200.
            #expect(r.status < 500, "\(method) \(route) \(query): \(r.status)")
            let body = String(decoding: r.body, as: UTF8.self)
            if r.status >= 400 {
                #expect(header(r, "Content-Type")?.hasPrefix("application/problem+json") == true)
            }
            for word in Self.leaks { #expect(!body.contains(word), "\(route) \(query) leaks '\(word)': \(body)") }
        }
        // An unreadable database: 503 on /health, and the body names no path.
        let broken = folder + "/broken.sqlite"
        _ = FileManager.default.createFile(atPath: broken, contents: Data(repeating: 0x5a, count: 8192))
        let down = EvidenceAPI(databasePath: broken)
        for route in ["/health", "/v1/studies"] {
            let r = get(down, route)
            #expect(r.status == 503, "\(route) on a corrupt file: \(r.status)")
            let body = String(decoding: r.body, as: UTF8.self)
            for word in Self.leaks { #expect(!body.contains(word), "503 leaks '\(word)': \(body)") }
        }
    }

    @Test func jsonAnswersCarrySecurityHeaders() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let api = EvidenceAPI(databasePath: path)
        for route in ["/v1/studies", "/v1/claims", "/health", "/openapi.json", "/nope", "/v1/conditions"] {
            let r = get(api, route)
            let type = header(r, "Content-Type") ?? ""
            guard type.contains("json") else { continue }
            #expect(header(r, "X-Content-Type-Options") == "nosniff", "\(route)")
            #expect(header(r, "Content-Security-Policy") == "default-src 'none'", "\(route)")
        }
    }

    @Test func symlinksLeavingTheFolderAreRefusedUnlessAllowed() throws {
        let folder = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docs = folder + "/docs", outside = folder + "/outside"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Tool.packageRoot + "/seeds").sorted()
        try FileManager.default.copyItem(atPath: Tool.packageRoot + "/seeds/" + seeds[0], toPath: docs + "/" + seeds[0])
        try FileManager.default.copyItem(atPath: Tool.packageRoot + "/seeds/" + seeds[1], toPath: outside + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: docs + "/link.txt", withDestinationPath: outside + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: docs + "/dir", withDestinationPath: outside)
        let db = folder + "/e.sqlite"
        let refused = try Tool.run(["ingest", "--db", db, docs])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        let check = try Database(path: db, mode: .readOnly)
        #expect(try check.queryFirst("SELECT count(*) FROM sources") { $0.int(0) } == 1)
        let allowed = try Tool.run(["ingest", "--follow-symlinks", "--db", folder + "/f.sqlite", docs])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        let all = try Database(path: folder + "/f.sqlite", mode: .readOnly)
        #expect(try all.queryFirst("SELECT count(*) FROM sources") { $0.int(0) } ?? 0 >= 2)
    }
}

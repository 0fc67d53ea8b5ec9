import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every `curl` line of README.md, run against the built binary serving the bundled seeds: a newcomer's first
/// commands must answer with data, never an error or an empty list.
@Suite struct ReadmeExampleTests {
    /// The targets of the README's curl lines to 127.0.0.1:8080, in order (a line may hold several).
    static func readmeTargets() throws -> [String] {
        let readme = try String(contentsOfFile: CommandRunner.packageRoot + "/README.md", encoding: .utf8)
        var targets: [String] = []
        for line in readme.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("curl") {
            var rest = Substring(line)
            while let range = rest.range(of: "http://127.0.0.1:8080") {
                let tail = rest[range.upperBound...]
                let end = tail.firstIndex { $0 == "'" || $0 == " " || $0 == "\"" } ?? tail.endIndex
                targets.append(String(tail[..<end]))
                rest = tail[end...]
            }
        }
        return targets
    }

    static func get(_ url: String) async throws -> (status: Int, type: String, body: Data) {
        guard let address = URL(string: url) else { throw URLError(.badURL) }
        let (body, response) = try await URLSession.shared.data(from: address)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type") ?? "", body)
    }

    @Test func everyReadmeExampleAnswersWithDataOnTheSeeds() async throws {
        let targets = try Self.readmeTargets()
        #expect(targets.count >= 8, "README.md should show its examples as curl lines")
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/seeds.sqlite"
        let ingest = try CommandRunner.run(["ingest", "--db", db, CommandRunner.packageRoot + "/seeds"])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        server.arguments = ["serve", "--db", db, "--port", String(port)]
        server.environment = ProcessInfo.processInfo.environment.merging(["EVIDENCE_HOME": CommandRunner.packageRoot]) { $1 }
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        var up = false
        for _ in 0..<100 where !up {
            up = (try? await Self.get(base + "/health"))?.status == 200
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(up, "the server did not come up on port \(port)")

        var previousNextCursor: String?
        for target in targets {
            var path = target
            // The pagination example continues the page before it: CURSOR stands for that page's next_cursor.
            if path.contains("CURSOR") {
                let cursor = try #require(previousNextCursor, "\(target) follows a page without a next_cursor")
                path = path.replacingOccurrences(of: "CURSOR",
                                                 with: cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
            }
            let (status, type, body) = try await Self.get(base + path)
            #expect(status == 200, "\(target) answered \(status)")
            #expect(!body.isEmpty, "\(target) answered an empty body")
            guard type.hasPrefix("application/json") else { continue }
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
            if let data = object?["data"] {
                #expect(((data as? [Any])?.count ?? 0) > 0, "\(target) answered an empty list on the seeds")
            }
            previousNextCursor = (object?["meta"] as? [String: Any])?["next_cursor"] as? String
        }
    }
}

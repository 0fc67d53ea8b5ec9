import Foundation
import Testing
@testable import EvidenceAPI

@Suite struct OpenAPITests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    func document() throws -> [String: Any] { try client.json("/openapi.json") }

    @Test func describesEveryRouteAndEveryParameterTheRouterAccepts() throws {
        let paths = try #require(try document()["paths"] as? [String: Any])
        let routes = client.api.routes
        #expect(Set(paths.keys) == Set(routes.map(\.path)))
        for route in routes {
            let get = try #require((paths[route.path] as? [String: Any])?["get"] as? [String: Any], "\(route.path)")
            let parameters = get["parameters"] as? [[String: Any]] ?? []
            let query = Set(parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
            #expect(query == Set(route.parameters.filter(\.documented).map(\.name)), "\(route.path)")
            let pathNames = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
            let placeholders = Set(route.segments.compactMap { segment -> String? in
                if case .value(let name) = segment { return name } else { return nil }
            })
            #expect(pathNames == placeholders, "\(route.path)")
        }
    }

    @Test func everyContractRouteIsServed() {
        let contract = ["/v1/studies", "/v1/studies/{id}", "/v1/conditions", "/v1/conditions/{id}",
                        "/v1/conditions/{id}/evidence", "/v1/interventions", "/v1/interventions/{id}", "/v1/sources",
                        "/v1/sources/{id}", "/v1/sources/{id}/text", "/v1/claims", "/v1/claims/{id}", "/v1/comments",
                        "/v1/comments/{id}", "/v1/findings", "/v1/findings/{id}", "/v1/search", "/health", "/metrics",
                        "/openapi.json"]
        #expect(Set(client.api.routes.map(\.path)).isSuperset(of: contract))
    }

    @Test func theContractParametersAreAccepted() {
        let expected: [String: Set<String>] = [
            "/v1/studies": ["condition", "intervention", "design", "species", "source", "direction", "min_year", "max_year",
                            "q", "sort", "limit", "cursor"],
            "/v1/conditions": ["q", "limit", "cursor"], "/v1/interventions": ["q", "limit", "cursor"],
            "/v1/findings": ["condition", "intervention", "direction", "design", "study", "source", "limit", "cursor"],
            "/v1/sources": ["kind", "q", "limit", "cursor"],
            "/v1/claims": ["condition", "intervention", "kind", "source", "study", "hedged", "q", "limit", "cursor"],
            "/v1/comments": ["source", "author", "question", "promotional", "condition", "intervention", "q", "limit", "cursor"],
            "/v1/search": ["q", "limit"],
        ]
        for (path, names) in expected {
            let route = client.api.routes.first { $0.path == path }
            #expect(route.map { Set($0.parameters.map(\.name)).isSuperset(of: names) } == true, "\(path)")
        }
    }

    /// Validates the document with openapi-spec-validator (PyPI) when it is installed; CI installs it.
    @Test func passesOpenAPISpecValidator() throws {
        let file = corpus.folder + "/openapi.json"
        try Data(client.get("/openapi.json").body).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys
            try:
                from openapi_spec_validator import validate
            except ImportError:
                sys.exit(3)
            validate(json.load(open(sys.argv[1])))
            """, file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 3 {
            print("openapi-spec-validator is not installed: skipped (pip install openapi-spec-validator)")
            return
        }
        #expect(process.terminationStatus == 0, Comment(rawValue: message))
    }
}

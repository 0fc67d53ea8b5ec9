import Foundation
import Testing
@testable import EvidenceAPI

@Suite struct ParameterTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    @Test(arguments: [
        ("/v1/studies?conditon=x", "unknown parameter 'conditon'; allowed: condition"),
        ("/v1/studies?limit=5&limit=6", "more than once"),
        ("/v1/studies?limit=0", "from 1 to 100"),
        ("/v1/studies?limit=101", "from 1 to 100"),
        ("/v1/studies?limit=abc", "from 1 to 100"),
        ("/v1/studies?design=rtc", "must be one of"),
        ("/v1/studies?min_year=20x", "integer"),
        ("/v1/studies?condition=", "is empty"),
        ("/v1/claims?hedged=yes", "true or false"),
        ("/v1/comments?question=1", "true or false"),
        ("/v1/search", "'q' is required"),
        ("/v1/studies?cursor=abc", "cursor"),
        ("/v1/studies/st_x?limit=1", "takes no parameters"),
        ("/v1/sources?kind=tweet", "must be one of"),
        ("/v1/studies?condition=a%01b", "control characters"),
        ("/v1/studies?condition=a%7Fb", "control characters"),
        ("/v1/studies?condition=caf%C3%A9%C2%85", "control characters"),   // U+0085, a C1 control after é
    ])
    func badParametersAre400WithADetailThatSaysWhy(target: String, detail: String) throws {
        let response = client.get(target)
        #expect(response.status == 400, "\(target)")
        #expect(response.header("content-type") == "application/problem+json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect((body["detail"] as? String)?.contains(detail) == true, "\(target): \(body["detail"] ?? "")")
        #expect(body["title"] as? String == "Bad Request")
    }

    @Test(arguments: ["AND", "OR", "NOT", "a AND OR b", "(x", "col:val", "NEAR(a b)", "\"\"", "x*y", "^a", "-a", "'; DROP TABLE studies; --"])
    func fullTextInputNeverBecomesFTSSyntax(q: String) {
        let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        for route in ["/v1/search", "/v1/studies", "/v1/claims", "/v1/comments", "/v1/sources", "/v1/conditions"] {
            let status = client.get("\(route)?q=\(encoded)").status
            #expect(status == 200 || status == 400, "\(route) q=\(q) gave \(status)")
        }
    }

    @Test func namesThatMatchNoConceptGiveAnEmptyList() throws {
        for target in ["/v1/studies?condition=no%20such%20thing%20at%20all", "/v1/studies?intervention=zzzz",
                       "/v1/claims?condition=qqqqqqqq", "/v1/comments?intervention=xyzzy"] {
            let response = client.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(try client.ids(target).isEmpty, "\(target)")
        }
    }

    @Test func aQueryWithoutWordsFindsNothing() throws {
        for target in ["/v1/search?q=%2A%2A%2A", "/v1/studies?q=%21%21", "/v1/claims?q=%2D", "/v1/conditions?q=%26"] {
            #expect(client.get(target).status == 200, "\(target)")
            #expect(try client.json(target)["data"] as? [Any] != nil)
            #expect((try client.json(target)["meta"] as? [String: Any])?["total"] as? Int == 0, "\(target)")
        }
    }

    @Test func anUnclosedQuoteSearchesToTheEnd() throws {
        #expect(try client.ids("/v1/claims?q=%22vitamin%20K").count >= 1)
    }

    @Test func methodsOtherThanGetAndHeadAre405WithAllow() {
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let response = client.get("/v1/studies", method: method)
            #expect(response.status == 405)
            #expect(response.header("allow") == "GET, HEAD, OPTIONS")
        }
    }

    @Test func unknownRouteIs404() {
        #expect(client.get("/v2/studies").status == 404)
        #expect(client.get("/v1/studies/a/b").status == 404)
    }
}

import Foundation
import Testing
@testable import EvidenceAPI

@Suite struct PaginationTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    /// Follows next_cursor to the end and returns every id and the total the first page announced.
    func walk(_ target: String) throws -> (ids: [String], total: Int) {
        var ids: [String] = []
        var next: String? = nil
        var total = -1
        var pages = 0
        repeat {
            let separator = target.contains("?") ? "&" : "?"
            let url = next.map { target + separator + "cursor=" + $0 } ?? target
            let body = try client.json(url)
            let meta = try #require(body["meta"] as? [String: Any])
            if total < 0 { total = meta["total"] as? Int ?? -1 }
            ids += (body["data"] as? [[String: Any]] ?? []).compactMap { item in
                (item["id"] as? String).map { ((item["type"] as? String) ?? "") + ":" + $0 }
            }
            next = meta["next_cursor"] as? String
            pages += 1
        } while next != nil && pages < 1000
        return (ids, total)
    }

    @Test(arguments: [
        "/v1/studies?limit=1", "/v1/studies?limit=3&sort=-year", "/v1/studies?limit=2&sort=evidence_level",
        "/v1/studies?limit=1&condition=vascular%20calcification", "/v1/claims?limit=1", "/v1/comments?limit=1",
        "/v1/sources?limit=2", "/v1/conditions?limit=7", "/v1/interventions?limit=9", "/v1/search?q=calcification&limit=1",
        "/v1/studies?q=calcification&limit=1",
    ])
    func walkingAllPagesReturnsExactlyTotalWithoutRepeats(target: String) throws {
        let (ids, total) = try walk(target)
        #expect(total > 0, "\(target)")
        #expect(ids.count == total, "\(target)")
        #expect(Set(ids).count == ids.count, "\(target)")
    }

    @Test func aTamperedCursorIs400() throws {
        let body = try client.json("/v1/studies?limit=1")
        var cursor = Array(try #require((body["meta"] as? [String: Any])?["next_cursor"] as? String))
        cursor[cursor.count / 2] = cursor[cursor.count / 2] == "A" ? "B" : "A"
        #expect(client.get("/v1/studies?limit=1&cursor=" + String(cursor)).status == 400)
    }

    @Test func aCursorOfAnotherQueryIs400() throws {
        let body = try client.json("/v1/studies?limit=1")
        let cursor = try #require((body["meta"] as? [String: Any])?["next_cursor"] as? String)
        #expect(client.get("/v1/studies?limit=1&design=rct&cursor=" + cursor).status == 400)
        #expect(client.get("/v1/claims?limit=1&cursor=" + cursor).status == 400)
        #expect(client.get("/v1/studies?limit=2&cursor=" + cursor).status == 200)   // a new page size is fine
    }
}

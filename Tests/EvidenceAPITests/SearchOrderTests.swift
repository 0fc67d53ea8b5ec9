import Foundation
import SQLiteDB
import Testing
@testable import EvidenceAPI

/// `/v1/search` ranks a `q` with few matches and lists a common one by kind, newest first (the product rule in
/// `SearchRoute`); both orders page through every match.
@Suite struct SearchOrderTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    /// Every hit of `target`, following next_cursor, as (type, id), with the first page's meta.
    func walk(_ target: String) throws -> (hits: [(type: String, id: String)], meta: [String: Any]) {
        let pages = try client.pages(target)
        var hits: [(type: String, id: String)] = []
        for item in pages.flatMap({ $0["data"] as? [[String: Any]] ?? [] }) {
            hits.append((try #require(item["type"] as? String), try #require(item["id"] as? String)))
        }
        return (hits, pages.first?["meta"] as? [String: Any] ?? [:])
    }

    /// The FTS rowid of a hit, to check the newest-first order.
    func rowid(_ hit: (type: String, id: String)) throws -> Int64 {
        let table = ["study": "studies", "claim": "claims", "comment": "comments", "source": "sources"][hit.type] ?? "x"
        let db = try Database(path: corpus.path, mode: .readOnly)
        return try #require(try db.queryFirst("SELECT rowid FROM \(table) WHERE id = ?", [hit.id]) { $0.int64(0) })
    }

    @Test func aRareWordIsRankedAndSaysSo() throws {
        let (hits, meta) = try walk("/v1/search?q=warfarin&limit=2")
        #expect(meta["order"] as? String == "relevance")
        #expect(hits.count == meta["total"] as? Int)
        #expect(Set(hits.map { $0.type + ":" + $0.id }).count == hits.count)
    }

    /// Found by schemathesis: a q without a word ("%29") answered a meta without `order`, which SearchMeta requires.
    @Test(arguments: ["/v1/search?q=%29", "/v1/search?q=%22%22&limit=58", "/v1/search?q=zzzqqqxxx"])
    func everySearchMetaSaysItsOrder(target: String) throws {
        let meta = try #require(try client.json(target)["meta"] as? [String: Any])
        #expect(meta["order"] as? String == "relevance", "\(target): \(meta)")
        #expect(meta["total"] as? Int == 0)
    }

    @Test func aWordWithMoreMatchesThanTheLimitIsListedByKindNewestFirst() throws {
        let ranked = try walk("/v1/search?q=warfarin&limit=100")
        client.api.services.searchRankLimit.store(3, ordering: .relaxed)
        let (hits, meta) = try walk("/v1/search?q=warfarin&limit=1")
        #expect(meta["order"] as? String == "recent")
        #expect(meta["total"] as? Int == ranked.meta["total"] as? Int)
        #expect(hits.count == meta["total"] as? Int, "paging reaches every match")
        #expect(Set(hits.map { $0.type + ":" + $0.id }) == Set(ranked.hits.map { $0.type + ":" + $0.id }))
        let kinds = ["study", "claim", "comment", "source"]
        let kindOrder = hits.map { kinds.firstIndex(of: $0.type) ?? -1 }
        #expect(kindOrder == kindOrder.sorted(), "studies, then claims, then comments, then sources")
        for kind in kinds {
            let rowids = try hits.filter { $0.type == kind }.map(rowid)
            #expect(rowids == rowids.sorted(by: >), "newest first within \(kind)")
        }
    }

    @Test func aCursorOfTheOtherOrderIs400() throws {
        let body = try client.json("/v1/search?q=warfarin&limit=1")
        let cursor = try #require((body["meta"] as? [String: Any])?["next_cursor"] as? String)
        client.api.services.searchRankLimit.store(1, ordering: .relaxed)
        #expect(client.get("/v1/search?q=warfarin&limit=1&cursor=" + cursor).status == 400)
    }

    @Test func theOpenAPIDocumentDescribesTheOrder() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(client.get("/openapi.json").body)) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let meta = try #require((schemas["SearchMeta"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((meta["order"] as? [String: Any])?["enum"] as? [String] == ["relevance", "recent"])
        let list = try #require((schemas["SearchHitList"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((list["meta"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/SearchMeta")
    }
}

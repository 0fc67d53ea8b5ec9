import Foundation
import SQLiteDB
import Testing
@testable import EvidenceAPI

/// /v1/studies?q=… in its default order follows /v1/search's rule (StudyRanking): ranked when q matches at most
/// `searchRankLimit` studies, newest first otherwise; meta.order says which, and both page through every match.
@Suite struct StudyQueryOrderTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    /// Every id of `target`, following next_cursor, with the first page's meta.
    func walk(_ target: String) throws -> (ids: [String], meta: [String: Any]) {
        let pages = try client.pages(target, maxPages: 100)
        let ids = pages.flatMap { ($0["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        return (ids, pages.first?["meta"] as? [String: Any] ?? [:])
    }

    func rowid(_ id: String) throws -> Int64 {
        let db = try Database(path: corpus.path, mode: .readOnly)
        return try #require(try db.queryFirst("SELECT rowid FROM studies WHERE id = ?", [id]) { $0.int64(0) })
    }

    @Test func aQWithFewMatchesIsRankedAndSaysSo() throws {
        let (ids, meta) = try walk("/v1/studies?q=calcification&limit=1")
        #expect(meta["order"] as? String == "relevance")
        #expect(!ids.isEmpty)
        #expect(ids.count == meta["total"] as? Int)
    }

    @Test func aQWithMoreMatchesThanTheLimitIsListedNewestFirst() throws {
        let ranked = try walk("/v1/studies?q=calcification&limit=100")
        #expect(ranked.ids.count >= 2, "the corpus has several matches")
        client.api.services.searchRankLimit.store(1, ordering: .relaxed)
        let (ids, meta) = try walk("/v1/studies?q=calcification&limit=1")
        #expect(meta["order"] as? String == "recent")
        #expect(meta["total"] as? Int == ranked.ids.count)
        #expect(ids.count == ranked.ids.count, "paging reaches every match")
        #expect(Set(ids) == Set(ranked.ids))
        let rowids = try ids.map(rowid)
        #expect(rowids == rowids.sorted(by: >), "newest first")
    }

    @Test func anExplicitSortIsKeptAndHasNoOrderField() throws {
        client.api.services.searchRankLimit.store(1, ordering: .relaxed)
        let relevance = try walk("/v1/studies?q=calcification&sort=relevance&limit=1")
        #expect(relevance.meta["order"] == nil)
        #expect(relevance.ids.count == relevance.meta["total"] as? Int)
        let byYear = try client.json("/v1/studies?q=calcification&sort=year")
        #expect((byYear["meta"] as? [String: Any])?["order"] == nil)
        let plain = try client.json("/v1/studies?condition=calcification")
        #expect((plain["meta"] as? [String: Any])?["order"] == nil)
    }

    @Test func aCursorOfTheOtherOrderIs400() throws {
        let body = try client.json("/v1/studies?q=calcification&limit=1")
        let cursor = try #require((body["meta"] as? [String: Any])?["next_cursor"] as? String)
        client.api.services.searchRankLimit.store(1, ordering: .relaxed)
        #expect(client.get("/v1/studies?q=calcification&limit=1&cursor=" + cursor).status == 400)
    }
}

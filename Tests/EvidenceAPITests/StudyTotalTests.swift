import Foundation
import Testing
@testable import EvidenceAPI

/// /v1/studies takes some totals from an index alone (StudyTotal): they must equal what the list walks.
@Suite struct StudyTotalTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    /// Every id of every page, and the total of each page.
    func walk(_ target: String) throws -> (ids: [String], totals: Set<Int>) {
        let pages = try client.pages(target, maxPages: 100)
        let ids = pages.flatMap { ($0["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        let totals = try pages.map { try #require(($0["meta"] as? [String: Any])?["total"] as? Int) }
        return (ids, Set(totals))
    }

    @Test(arguments: [
        "/v1/studies?limit=1&condition=vascular%20calcification&intervention=vitamin%20K",
        "/v1/studies?limit=1&intervention=vitamin%20K2&condition=calcification",
        "/v1/studies?limit=1&q=calcification", "/v1/studies?limit=1&q=calcification&sort=year",
        "/v1/studies?limit=1&intervention=vitamin%20K", "/v1/studies?limit=1&condition=calcification",
    ])
    func anIndexTotalIsTheNumberOfItemsListed(target: String) throws {
        let (ids, totals) = try walk(target)
        #expect(!ids.isEmpty, "\(target)")
        #expect(totals == [ids.count], "\(target)")
    }

    /// /v1/claims takes a lone concept's total from concepts.claim_count (ClaimTotal), and reads its pages in
    /// the concept index's reading order: the total must equal what the pages list, in reading order.
    @Test(arguments: [
        "/v1/claims?limit=1&condition=calcification", "/v1/claims?limit=2&intervention=vitamin%20K",
        "/v1/claims?limit=1&condition=calcification&intervention=vitamin%20K",
        "/v1/comments?limit=1&intervention=vitamin%20K2",
    ])
    func claimAndCommentTotalsAreTheItemsListed(target: String) throws {
        let (ids, totals) = try walk(target)
        #expect(!ids.isEmpty, "\(target)")
        #expect(totals == [ids.count], "\(target)")
        #expect(Set(ids).count == ids.count, "\(target): an item listed twice")
    }

    @Test func theTotalOfAPairIsTheStudiesOfBoth() throws {
        let both = Set(try walk("/v1/studies?limit=2&condition=calcification&intervention=vitamin%20K1").ids)
        let condition = Set(try walk("/v1/studies?limit=100&condition=calcification").ids)
        let intervention = Set(try walk("/v1/studies?limit=100&intervention=vitamin%20K1").ids)
        #expect(!both.isEmpty)
        #expect(both == condition.intersection(intervention))
    }

    @Test(arguments: [
        "/v1/studies?limit=1&condition=no%20such%20condition&intervention=vitamin%20K",
        "/v1/studies?limit=1&q=%2B%2B%2B", "/v1/studies?limit=1&q=zzzyxw",
        "/v1/studies?limit=1&condition=calciphylaxis&intervention=warfarin",
    ])
    func aPairOrQThatMatchesNothingHasTotalZero(target: String) throws {
        let (ids, totals) = try walk(target)
        #expect(ids.isEmpty, "\(target)")
        #expect(totals == [0], "\(target)")
    }
}

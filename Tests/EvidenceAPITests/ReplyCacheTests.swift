import Foundation
import Ingest
import Testing
@testable import EvidenceAPI
import EvidenceModel

/// List replies are kept per request while the database does not change, and dropped when another process commits.
@Suite struct ReplyCacheTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    @Test func aRepeatedListRequestIsAnsweredFromTheCacheWithTheSameBytes() throws {
        let cache = client.api.services.replyCache
        let first = client.get("/v1/studies?limit=2")
        #expect(cache.count == 1)
        let second = client.get("/v1/studies?limit=2")
        #expect(cache.count == 1)
        #expect(second.body == first.body && second.header("etag") == first.header("etag"))
        _ = client.get("/v1/studies?limit=3")
        _ = client.get("/v1/studies/" + (try client.ids("/v1/studies?limit=1").first ?? ""))   // items are not kept
        #expect(cache.count == 3)   // limit=1 is one more list
        #expect(client.get("/v1/studies?limit=0").status == 400)   // refused before any handler: nothing kept
        #expect(cache.count == 3)
    }

    @Test func aCommitByAnotherProcessDropsWhatWasKept() throws {
        _ = client.get("/v1/sources?limit=5")
        let before = try client.json("/v1/sources?limit=5")["meta"] as? [String: Any]   // from the cache
        #expect(before?["total"] as? Int == 3)
        let text = SourceText("Magnesium may slow arterial stiffness.")
        try corpus.store().write(Extraction(source: ExtractedSource(file: "late.txt", text: text, sha256: "d1", kind: .other)))
        let after = try client.json("/v1/sources?limit=5")["meta"] as? [String: Any]
        #expect(after?["total"] as? Int == 4)
    }

    @Test func theCacheKeepsItsBoundsAndOnlyTheNewestGeneration() {
        let cache = ReplyCache(maxEntries: 2, maxBytes: 1 << 20, maxReplyBytes: 100)
        cache.store(.json(Array(repeating: 1, count: 10)), for: "a", generation: 1)
        cache.store(.json(Array(repeating: 1, count: 10)), for: "b", generation: 1)
        cache.store(.json(Array(repeating: 1, count: 10)), for: "c", generation: 1)
        #expect(cache.count == 2 && cache.reply(for: "a", generation: 1) == nil && cache.reply(for: "c", generation: 1) != nil)
        cache.store(.json(Array(repeating: 1, count: 500)), for: "big", generation: 1)
        #expect(cache.reply(for: "big", generation: 1) == nil)
        #expect(cache.reply(for: "c", generation: 2) == nil)
        cache.store(.json([1]), for: "d", generation: 2)
        #expect(cache.count == 1)
        cache.store(.json([1]), for: "old", generation: 1)   // read under a generation that has passed: not kept
        #expect(cache.count == 1 && cache.reply(for: "old", generation: 1) == nil)
    }
}

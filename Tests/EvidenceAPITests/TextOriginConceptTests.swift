import Foundation
import Testing
import Ingest
import EvidenceModel
@testable import EvidenceAPI

/// A concept made from a document's text is served like the lexicon's, says where it comes from, can be listed
/// apart, and finds its studies by /v1/studies?condition=. The document is our own words, read by the real pipeline.
@Suite struct TextOriginConceptTests {
    let folder: String
    let client: APIClient

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-text-origin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/test.sqlite"
        let pipeline = try Pipeline()
        let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
        let text = """
            Magnesium and mornings

            In a randomised controlled trial of 90 office workers, magnesium taken every evening for eight weeks \
            reduced morning grogginess compared with placebo.
            """
        try store.write(pipeline.extract(file: "m.txt", text: text, sha256: "m1", format: .text))
        client = APIClient(api: EvidenceAPI(databasePath: path))
    }

    @Test func theConceptIsServedWithItsOrigin() throws {
        let concept = try client.json("/v1/conditions/text:morning-grogginess")
        #expect(concept["name"] as? String == "morning grogginess")
        #expect(concept["origin"] as? String == "text")
        #expect((concept["study_count"] as? Int ?? 0) >= 1)
        let byName = try client.json("/v1/conditions/morning%20grogginess")
        #expect(byName["id"] as? String == "text:morning-grogginess")
        #expect(try client.json("/v1/interventions/magnesium")["origin"] as? String == "lexicon")
    }

    @Test func theListsFilterByOrigin() throws {
        let text = try client.ids("/v1/conditions?origin=text&limit=100")
        #expect(text.contains("text:morning-grogginess"))
        #expect(text.allSatisfy { $0.hasPrefix("text:") })
        let lexicon = try client.ids("/v1/conditions?origin=lexicon&limit=100")
        #expect(!lexicon.isEmpty)
        #expect(!lexicon.contains { $0.hasPrefix("text:") })
        #expect(client.get("/v1/conditions?origin=elsewhere").status == 400)
    }

    @Test func theStudyIsFoundByTheName() throws {
        let ids = try client.ids("/v1/studies?condition=morning%20grogginess")
        #expect(ids.count == 1)
        #expect(try client.ids("/v1/studies?condition=text:morning-grogginess") == ids)
    }
}

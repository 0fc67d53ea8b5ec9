import Foundation
import Testing
import Ingest
@testable import EvidenceAPI
import EvidenceModel

/// The evidence matrix on the bundled seeds, ingested through the real pipeline and store: an agent that caused
/// the calcification is no row, vitamin K1's null results are there and flag the row, and every row's counts
/// are what /v1/findings lists for its pair.
@Suite struct SeedMatrixTests {
    let folder: String
    let client: APIClient

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-seed-matrix-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/seeds.sqlite"
        let pipeline = try Pipeline(locator: .standard)
        let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
        let seeds = try ResourceLocator.standard.locate("seeds")
        for file in try FileManager.default.contentsOfDirectory(atPath: seeds).sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOfFile: seeds + "/" + file, encoding: .utf8)
            try store.write(pipeline.extract(file: file, text: text, sha256: file, format: .text))
        }
        client = APIClient(api: EvidenceAPI(databasePath: path))
    }

    func rows() throws -> [String: [String: Any]] {
        let rows = try #require(try client.json("/v1/conditions/vascular%20calcification/evidence")["data"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            ((row["intervention"] as? [String: Any])?["id"] as? String).map { ($0, row) }
        })
    }

    @Test func anInducerIsNoRowForItsOwnEffect() throws {
        let rows = try rows()
        // In the seeds' rat study warfarin caused the calcification; no study there reports warfarin as a benefit.
        let warfarin = rows["warfarin"]?["by_direction"] as? [String: Int] ?? [:]
        #expect(warfarin["benefit"] == nil)
        #expect(rows["vitamin-k-rich-diet"] == nil)
    }

    @Test func vitaminK1HoldsItsNullResultsAndConflicts() throws {
        let k1 = try #require(try rows()["vitamin-k1"])
        let directions = k1["by_direction"] as? [String: Int] ?? [:]
        #expect((directions["no_effect"] ?? 0) + (directions["mixed"] ?? 0) >= 1)
        #expect((directions["benefit"] ?? 0) >= 1)
        #expect(k1["conflicting"] as? Bool == true)
    }

    @Test func everyRowCountsWhatItsFindingsList() throws {
        for (intervention, row) in try rows() {
            let link = try #require(row["findings"] as? String)
            let findings = try client.pages(link + "&limit=100").flatMap { $0["data"] as? [[String: Any]] ?? [] }
            var byStudy: [String: Set<String>] = [:]
            for finding in findings {
                guard let study = finding["study_id"] as? String, let direction = finding["direction"] as? String else { continue }
                byStudy[study, default: []].insert(direction)
            }
            #expect(byStudy.count == row["study_count"] as? Int, "\(intervention)")
            var expected: [String: Int] = [:]
            for directions in byStudy.values {
                let clear = directions.subtracting(["unclear"])
                let direction = clear.isEmpty ? "unclear" : clear.count == 1 ? clear.first ?? "unclear" : "mixed"
                expected[direction, default: 0] += 1
            }
            #expect(expected == row["by_direction"] as? [String: Int], "\(intervention)")
            #expect(Set(byStudy.keys) == Set(row["study_ids"] as? [String] ?? []), "\(intervention)")
        }
    }
}

import EvidenceModel
import Foundation
import Testing
@testable import Ingest

@Suite struct SourceKindModelTests {
    /// The features must be exactly those scripts/train-source-kind.py computes, or the weights mean nothing.
    @Test func wordsAreAsciiLetterRunsLowerCasedCountedOnce() {
        let model = SourceKindModel(bias: -1, weights: ["announces": 2, "trial": -0.5, "a": 10, "caf": 0.25])
        // "Trial" twice counts once; "a" is too short; "café" gives the run "caf"; digits and hyphens split words.
        let text = SourceText("Acme ANNOUNCES a trial. The trial-2 café")
        #expect(abs(model.releaseLogOdds(text) - (-1 + 2 - 0.5 + 0.25)) < 1e-9)
        #expect(model.releaseLogOdds(SourceText("")) == -1)
    }

    @Test func shippedModelLoadsAndIsNotEmpty() throws {
        let model = try ResourceLocator.standard.loadJSON(SourceKindModel.self, "lexicon/source_kind_model.json")
        #expect(model.weights.count > 1_000)
    }
}

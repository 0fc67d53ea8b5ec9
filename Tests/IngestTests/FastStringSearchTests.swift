import Testing
@testable import Ingest

@Suite struct FastStringSearchTests {
    @Test func findsBytesAndReportsScalarAlignedRanges() {
        let text = "Le café «vitamin K2» aide"
        #expect(text.contains("vitamin K2"))
        #expect(!text.contains("vitamin k3"))
        #expect(text.contains(""))
        #expect(!"ab".contains("abc"))
        let range = text.range(of: "vitamin")
        #expect(range.map { String(text[$0]) } == "vitamin")
        #expect(text.range(of: "aide").map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 21)
    }

    /// Proves the module's calls resolve to the byte search and not to Foundation's, which would also match the
    /// canonically equivalent decomposed form.
    @Test func comparesCodeUnitsNotCanonicalEquivalents() {
        #expect(!"caf\u{E9}".contains("e\u{301}"))
    }
}

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

    /// The same parts as Foundation's `components(separatedBy:)`, including the empty ones at either end.
    @Test func splitsOnEverySeparator() {
        #expect("Home | News | Vitamin K2".components(separatedBy: " | ") == ["Home", "News", "Vitamin K2"])
        #expect(" | a | ".components(separatedBy: " | ") == ["", "a", ""])
        #expect("no separator".components(separatedBy: " | ") == ["no separator"])
        #expect("".components(separatedBy: "|") == [""])
        #expect("café›thé›".components(separatedBy: "›") == ["café", "thé", ""])
        #expect("aaa".components(separatedBy: "aa") == ["", "a"])
    }

    @Test func findsLaterOccurrencesAfterAFalseStart() {
        #expect("calcium calcification".byteOffset(of: "calcif") == 8)
        #expect("abababc".byteOffset(of: "ababc") == 2)
        #expect("abc".byteOffset(of: "c") == 2)
        #expect("abc".byteOffset(of: "d") == nil)
    }
}

import EvidenceModel

/// The month names of `lexicon/dates.json`, for the date parser.
///
/// The parser is called from many stages as a plain function, so the table is loaded once for the process from
/// the standard resource folders. `Pipeline` loads it through its own locator at start-up (`load`), so a missing
/// or broken file stops the ingest with a clear error instead of leaving every date unread.
enum MonthNames {
    private struct File: Decodable {
        var months: [String: Int]
    }

    static let standard: [String: Int] = (try? load(.standard)) ?? [:]

    static func load(_ locator: ResourceLocator) throws -> [String: Int] {
        let months = try locator.loadJSON(File.self, "lexicon/dates.json").months
        guard months.count >= 12, months.values.allSatisfy({ (1...12).contains($0) }) else {
            throw ResourceError.malformed("lexicon/dates.json", reason: "needs the twelve months, numbered 1 to 12")
        }
        return months
    }
}

import EvidenceModel
/// Finds doses, durations, sample sizes, ages and effect sizes, with values normalised
/// (micrograms per day, days, counts, years, percent).
///
/// The words it reads (units, frequencies, number words, population nouns) come from `lexicon/units.json`.
/// Each method cuts `span` into tokens once and runs one parser; spans are exact scalar offsets.
public struct QuantityExtractor: Sendable {
    /// A dose given as a range ("90-360 μg daily"): `Dose.mcgPerDay` is nil for it, this gives both ends.
    public struct DoseRange: Sendable, Hashable {
        public var span: TextSpan
        public var text: String
        public var lowMcgPerDay: Double?
        public var highMcgPerDay: Double?
    }

    /// Everything the extractor finds in one span, from one pass of the tokenizer.
    public struct Found: Sendable {
        public var doses: [Dose]
        public var doseRanges: [DoseRange]
        public var durations: [Duration]
        public var sampleSizes: [SampleSize]
        public var ages: [Age]
        public var effects: [EffectSize]
    }

    private let table: UnitTable
    private let doseParser: DoseParser
    private let durationParser: DurationParser
    private let sampleParser: SampleSizeParser
    private let ageParser = AgeParser()
    private let effectParser: EffectSizeParser

    public init(locator: ResourceLocator = .standard) throws {
        let table = try UnitTable.load(from: locator)
        self.table = table
        doseParser = DoseParser(table: table)
        durationParser = DurationParser(table: table)
        sampleParser = SampleSizeParser(table: table)
        effectParser = EffectSizeParser(table: table)
    }

    private func tokens(_ text: SourceText, _ span: TextSpan) -> [QuantityToken] {
        QuantityTokenizer.tokens(text.scalars, in: span, table: table)
    }

    /// All five kinds at once: cheaper than the five calls, which each cut the text into tokens.
    public func all(in text: SourceText, span: TextSpan) -> Found {
        let tokens = tokens(text, span)
        let parsedDoses = doseParser.parse(tokens)
        return Found(doses: doses(parsedDoses, text), doseRanges: doseRanges(parsedDoses, text),
                     durations: durations(tokens, parsedDoses, text), sampleSizes: sampleSizes(tokens, text),
                     ages: ages(tokens, text), effects: effects(tokens, text))
    }

    /// Doses. A single amount with a frequency gets `mcgPerDay`; without one, only `mcgPerAdministration`;
    /// a range gets neither (see `doseRanges`); an IU amount only when the substance's conversion is known.
    public func doses(in text: SourceText, span: TextSpan) -> [Dose] {
        doses(doseParser.parse(tokens(text, span)), text)
    }

    private func doses(_ parsedDoses: [DoseParser.Parsed], _ text: SourceText) -> [Dose] {
        parsedDoses.map { parsed in
            let single = parsed.high == nil
            let perAdministration = single ? parsed.low : nil
            let perDay = perAdministration.flatMap { amount in parsed.perDay.map { Self.rounded(amount * $0) } }
            return Dose(span: parsed.span, text: text.slice(parsed.span), mcgPerDay: perDay, mcgPerAdministration: perAdministration)
        }
    }

    /// The doses given as ranges, with both ends per day when a frequency is given.
    public func doseRanges(in text: SourceText, span: TextSpan) -> [DoseRange] {
        doseRanges(doseParser.parse(tokens(text, span)), text)
    }

    private func doseRanges(_ parsedDoses: [DoseParser.Parsed], _ text: SourceText) -> [DoseRange] {
        parsedDoses.compactMap { parsed in
            guard let high = parsed.high else { return nil }
            return DoseRange(span: parsed.span, text: text.slice(parsed.span),
                             lowMcgPerDay: parsed.low.flatMap { low in parsed.perDay.map { Self.rounded(low * $0) } },
                             highMcgPerDay: parsed.perDay.map { Self.rounded(high * $0) })
        }
    }

    /// Durations in days, leaving out frequencies of doses ("45 mcg a day" has no duration).
    public func durations(in text: SourceText, span: TextSpan) -> [Duration] {
        let tokens = tokens(text, span)
        return durations(tokens, doseParser.parse(tokens), text)
    }

    /// Durations, leaving out what a dose or an age already explains ("45 mcg a day", "aged 65 years").
    private func durations(_ tokens: [QuantityToken], _ parsedDoses: [DoseParser.Parsed], _ text: SourceText) -> [Duration] {
        let taken = parsedDoses.map(\.span) + ageParser.parse(tokens).map(\.span)
        return durationParser.parse(tokens)
            .filter { found in !taken.contains { $0.overlaps(found.span) } }
            .map { Duration(span: $0.span, text: text.slice($0.span), days: Self.rounded($0.days)) }
    }

    public func sampleSizes(in text: SourceText, span: TextSpan) -> [SampleSize] {
        sampleSizes(tokens(text, span), text)
    }

    private func sampleSizes(_ tokens: [QuantityToken], _ text: SourceText) -> [SampleSize] {
        sampleParser.parse(tokens, scalars: text.scalars).map {
            SampleSize(span: $0.span, text: text.slice($0.span), size: $0.size, population: $0.population)
        }
    }

    public func ages(in text: SourceText, span: TextSpan) -> [Age] { ages(tokens(text, span), text) }

    private func ages(_ tokens: [QuantityToken], _ text: SourceText) -> [Age] {
        ageParser.parse(tokens).map { Age(span: $0.span, text: text.slice($0.span), years: $0.years) }
    }

    public func effects(in text: SourceText, span: TextSpan) -> [EffectSize] { effects(tokens(text, span), text) }

    private func effects(_ tokens: [QuantityToken], _ text: SourceText) -> [EffectSize] {
        effectParser.parse(tokens, scalars: text.scalars).map {
            EffectSize(span: $0.span, text: text.slice($0.span), percent: $0.percent.map(Self.rounded))
        }
    }

    /// Rounds away floating-point noise (0.025 × 40 = 1.0000000000000002), keeping six decimals.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}

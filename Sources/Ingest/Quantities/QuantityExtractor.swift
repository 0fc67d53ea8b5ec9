/// Finds doses, durations, sample sizes, ages and effect sizes, with values normalised
/// (micrograms per day, days, counts, years, percent).
public struct QuantityExtractor: Sendable {
    public init(locator: ResourceLocator = .standard) throws {}

    public func doses(in text: SourceText, span: TextSpan) -> [Dose] { [] }
    public func durations(in text: SourceText, span: TextSpan) -> [Duration] { [] }
    public func sampleSizes(in text: SourceText, span: TextSpan) -> [SampleSize] { [] }
    public func ages(in text: SourceText, span: TextSpan) -> [Age] { [] }
    public func effects(in text: SourceText, span: TextSpan) -> [EffectSize] { [] }
}

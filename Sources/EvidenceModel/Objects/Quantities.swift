/// A dose as written, and converted to micrograms per day when the text allows it.
public struct Dose: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    /// `nil` when the text gives an amount without a frequency that makes it daily, or no amount.
    public var mcgPerDay: Double?
    /// The amount of one administration in micrograms, when the unit is known.
    public var mcgPerAdministration: Double?

    public init(span: TextSpan, text: String, mcgPerDay: Double?, mcgPerAdministration: Double? = nil) {
        self.span = span
        self.text = text
        self.mcgPerDay = mcgPerDay
        self.mcgPerAdministration = mcgPerAdministration
    }
}

/// A length of time ("six weeks", "10 years", "by the third month").
public struct Duration: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var days: Double

    public init(span: TextSpan, text: String, days: Double) {
        self.span = span
        self.text = text
        self.days = days
    }
}

/// A count of subjects ("4,800 elderly subjects", "one 38-year-old woman", "26 patients").
public struct SampleSize: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var size: Int
    /// The noun phrase the count applies to ("elderly subjects", "woman").
    public var population: String

    public init(span: TextSpan, text: String, size: Int, population: String) {
        self.span = span
        self.text = text
        self.size = size
        self.population = population
    }
}

/// An age ("38-year-old", "aged 65 and over").
public struct Age: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var years: Double

    public init(span: TextSpan, text: String, years: Double) {
        self.span = span
        self.text = text
        self.years = years
    }
}

/// A size of effect ("56% less progression", "over 37 % reduction", "a 50% decrease").
public struct EffectSize: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var text: String
    public var percent: Double?

    public init(span: TextSpan, text: String, percent: Double?) {
        self.span = span
        self.text = text
        self.percent = percent
    }
}

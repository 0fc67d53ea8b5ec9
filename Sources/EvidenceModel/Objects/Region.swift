/// What part of a page a stretch of text belongs to.
public enum RegionKind: String, Sendable, Codable, CaseIterable {
    /// The headline or page title.
    case title
    /// Bylines, dates, datelines and similar metadata lines.
    case metadata
    /// The article, answer or post itself.
    case body
    /// A reference list or bibliography.
    case references
    /// Reader comments or forum replies.
    case comments
    /// Menus, personalisation prompts, review widgets, disclaimers, adverts, calls to action, captions.
    /// Furniture never yields claims or studies.
    case furniture
    /// "About <company>" boilerplate at the end of press material.
    case boilerplate
}

public struct Region: Sendable, Hashable, Codable {
    public var kind: RegionKind
    public var span: TextSpan

    public init(kind: RegionKind, span: TextSpan) {
        self.kind = kind
        self.span = span
    }
}

/// What the metadata stage finds about the source itself.
public struct SourceMetadata: Sendable, Hashable {
    public var kind: SourceKind
    public var title: String?
    public var published: String?
    public var author: String?
    public var publisher: String?
    public var industrySponsored: Bool
    public var sponsorEvidence: String?

    public init(kind: SourceKind = .other, title: String? = nil, published: String? = nil, author: String? = nil,
                publisher: String? = nil, industrySponsored: Bool = false, sponsorEvidence: String? = nil) {
        self.kind = kind
        self.title = title
        self.published = published
        self.author = author
        self.publisher = publisher
        self.industrySponsored = industrySponsored
        self.sponsorEvidence = sponsorEvidence
    }
}

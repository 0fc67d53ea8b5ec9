/// Where a concept comes from: the lexicon (`lexicon/concepts.json`) or the text of a document that named an
/// outcome or an intervention the lexicon does not know ("brain atrophy", "the Early Start Denver Model").
public enum ConceptOrigin: String, Sendable, Codable, CaseIterable {
    case lexicon
    case text
}

/// The ids of concepts made from a document's text. The id says everything the later stages need (type and
/// name), so `Lexicon.concept(_:)` answers for them without any per-document state: every stage and the
/// store look them up as they look up the lexicon's own concepts.
///
/// A condition is `text:` and the phrase's slug (`text:brain-atrophy`); an intervention is
/// `text:intervention:` and its slug. A slug holds no colon, so the two never clash.
public enum TextConceptID {
    public static let prefix = "text:"
    public static let interventionPrefix = "text:intervention:"

    /// The id of a phrase of one type; nil when the phrase has no letters or digits.
    public static func make(_ phrase: String, type: ConceptType) -> String? {
        let slug = self.slug(phrase)
        guard !slug.isEmpty, type != .species else { return nil }
        return (type == .intervention ? interventionPrefix : prefix) + slug
    }

    /// Lower-case words of letters and digits joined by hyphens: "Brain Atrophy" -> "brain-atrophy".
    public static func slug(_ phrase: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in phrase.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "-")
    }

    public static func isTextConcept(_ id: String) -> Bool { id.hasPrefix(prefix) }

    /// The SQL test that `column` holds an id of this namespace; exact, where LIKE would fold case.
    public static func sqlTest(_ column: String) -> String {
        "substr(\(column), 1, \(prefix.count)) = '\(prefix)'"
    }

    /// The concept an id of this namespace stands for, named by its slug's words; nil for any other id.
    /// The store keeps the name as the text first wrote it; this one is for the stages' type lookups.
    public static func concept(_ id: String) -> Concept? {
        let type: ConceptType
        let slug: Substring
        if id.hasPrefix(interventionPrefix) {
            type = .intervention
            slug = id.dropFirst(interventionPrefix.count)
        } else if id.hasPrefix(prefix) {
            type = .condition
            slug = id.dropFirst(prefix.count)
        } else {
            return nil
        }
        guard !slug.isEmpty, !slug.contains(":") else { return nil }
        return Concept(id: id, type: type, name: slug.split(separator: "-").joined(separator: " "))
    }
}

extension Concept {
    public var origin: ConceptOrigin { TextConceptID.isTextConcept(id) ? .text : .lexicon }
}

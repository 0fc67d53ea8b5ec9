import EvidenceModel
/// Gives one id to one person's spellings on a page: "Arrow Durfee", "ArrowDurfee", "arrow durfee" and — when
/// only one full name on the page starts with it — "Arrow". The page's own author (a blog's byline) takes
/// part, so the author answering in the comments gets the same id.
///
/// Role marks after a name ("Name (OP)", "Name [moderator]") are dropped before comparing, and names that stand
/// for anyone without an account ("Guest", "Anonymous") are never joined: each such comment gets its own id.
struct AuthorIdentity: Sendable {
    /// Slug of each spelling's compact form.
    private var idByCompact: [String: String] = [:]
    private var genericNames: Set<String> = []
    private var badges: Set<String> = []

    init(names: [String], markup: MarkupCues) {
        self.init(names: names.map { Self.withoutBadge($0, markup.authorBadges) }, generic: markup.genericNames)
        genericNames = markup.genericNames
        badges = markup.authorBadges
    }

    init(names: [String]) { self.init(names: names, generic: []) }

    private init(names: [String], generic: Set<String>) {
        let names = names.filter { !generic.contains($0.lowercased()) }
        // Full names (two words or more, camel case split) decide the ids; compact forms join spellings.
        var fullByCompact: [String: [String]] = [:]
        var fullNamesByFirstWord: [String: Set<String>] = [:]
        for name in names {
            let words = PersonName.words(name)
            guard !words.isEmpty else { continue }
            let compact = words.joined()
            if words.count >= 2 {
                fullByCompact[compact] = words
                fullNamesByFirstWord[words[0], default: []].insert(compact)
            }
        }
        for name in names {
            let words = PersonName.words(name)
            guard !words.isEmpty else { continue }
            let compact = words.joined()
            if let full = fullByCompact[compact] {
                idByCompact[compact] = full.joined(separator: "-")
            } else if words.count == 1, let candidates = fullNamesByFirstWord[words[0]], candidates.count == 1,
                      let only = candidates.first, let full = fullByCompact[only] {
                idByCompact[compact] = full.joined(separator: "-")
            } else {
                idByCompact[compact] = words.joined(separator: "-")
            }
        }
        // One person under two handles that differ only in their number ("name_09990", "name_29422"), as sites
        // make them on each new account: joined when the name part is long enough not to be a common word.
        var compactsByStem: [String: Set<String>] = [:]
        for name in names {
            let words = PersonName.words(name)
            guard words.count >= 2, let last = words.last, last.allSatisfy(\.isNumber) else { continue }
            let stem = words.dropLast().joined(separator: "-")
            guard stem.filter(\.isLetter).count >= Self.stemLetters else { continue }
            compactsByStem[stem, default: []].insert(words.joined())
        }
        for (stem, compacts) in compactsByStem where compacts.count >= 2 {
            for compact in compacts { idByCompact[compact] = stem }
        }
    }

    /// Letters a handle's name part needs before two numbered handles with it are taken for one person.
    static let stemLetters = 6

    /// The id of a name that may stand for several people: each comment signed "Guest" is its own person.
    func id(for name: String, occurrence: Int) -> String {
        let bare = Self.withoutBadge(name, badges)
        if bare.isEmpty || genericNames.contains(bare.lowercased()) {
            return (bare.isEmpty ? "anonymous" : PersonName.slug(bare)) + "-\(occurrence + 1)"
        }
        return id(for: bare)
    }

    /// "Name (OP)" → "Name".
    static func withoutBadge(_ name: String, _ badges: Set<String>) -> String {
        let trimmed = Trim.spaces(name)
        guard let last = trimmed.last, last == ")" || last == "]",
              let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "[" }) else { return trimmed }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].lowercased()
        guard badges.contains(Trim.spaces(inside)) else { return trimmed }
        return Trim.spaces(String(trimmed[..<open]))
    }

    func id(for name: String) -> String {
        let name = badges.isEmpty ? name : Self.withoutBadge(name, badges)
        let compact = PersonName.compact(name)
        return idByCompact[compact] ?? PersonName.slug(name)
    }

    /// Letters a name needs before it is taken to stand for the handle it is a part of.
    static let handlePartLetters = 3

    /// A name as written in a comment ("Chuck", "@chuck", "Arrow"), prepared for comparing with many authors.
    struct Reference {
        let id: String
        let single: String?
    }

    func reference(_ name: String) -> Reference? {
        let words = PersonName.words(name)
        guard !words.isEmpty else { return nil }
        return Reference(id: id(for: name), single: words.count == 1 ? words[0] : nil)
    }

    /// Whether the reference names the person with `id`: the same id, a first name alone, or the run-together
    /// form of a handle.
    func refers(_ reference: Reference, to id: String) -> Bool {
        if reference.id == id { return true }
        guard let single = reference.single else { return false }
        if id.hasPrefix(single), id.count == single.count || id.dropFirst(single.count).first == "-" { return true }
        // "Cait" for "caitb52", "Joan" for "joan86468": a handle that is a name with a number after it.
        if single.count >= 4, id.hasPrefix(single), !id.contains("-"), id.dropFirst(single.count).contains(where: \.isNumber) { return true }
        // "Tom" for "spokesman_tom": a name that is one whole part of a handle joined by underscores or dashes.
        if single.count >= Self.handlePartLetters, id.split(separator: "-").dropFirst().contains(where: { $0 == single }) { return true }
        // "arrowdurfee" against "arrow-durfee": compare without the dashes.
        var letters = single.unicodeScalars.makeIterator()
        for scalar in id.unicodeScalars where scalar != "-" {
            guard letters.next() == scalar else { return false }
        }
        return letters.next() == nil
    }
}

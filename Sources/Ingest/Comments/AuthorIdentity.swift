/// Gives one id to one person's spellings on a page: "Arrow Durfee", "ArrowDurfee", "arrow durfee" and — when
/// only one full name on the page starts with it — "Arrow". The page's own author (a blog's byline) takes
/// part, so the author answering in the comments gets the same id.
struct AuthorIdentity: Sendable {
    /// Slug of each spelling's compact form.
    private var idByCompact: [String: String] = [:]

    init(names: [String]) {
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
    }

    func id(for name: String) -> String {
        let compact = PersonName.compact(name)
        return idByCompact[compact] ?? PersonName.slug(name)
    }

    /// Whether a name as written in a comment ("Chuck", "@chuck", "Arrow") refers to the person with `id`.
    func refers(_ name: String, to id: String) -> Bool {
        let words = PersonName.words(name)
        guard !words.isEmpty else { return false }
        if self.id(for: name) == id { return true }
        let idWords = id.split(separator: "-").map(String.init)
        // A first name alone, or the run-together form of a handle.
        return words.count == 1 && (idWords.first == words[0] || idWords.joined() == words[0])
    }
}

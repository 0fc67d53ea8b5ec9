/// A trie over token keys: the lexicon's names, each a path from the root, so that the matcher finds every
/// name starting at a word in one walk, however many names the lexicon holds.
struct PhraseTrie: Sendable {
    /// What a complete name leads to.
    struct Entry: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            /// Name, synonym, brand, misspelling or abbreviation.
            case name
            /// A short form that counts only near a context word of its concept.
            case contextual
            /// A phrase that looks like a name but means something else; it hides the name inside it.
            case exclusion
        }
        var concept: Int
        var kind: Kind
    }

    struct Node: Sendable {
        var children: [String: Int32] = [:]
        var entry: Entry?
    }

    private(set) var nodes: [Node] = [Node()]

    static let root: Int32 = 0

    /// The key of a child edge: the token's key, with a literal separator in front when the name has one.
    static func edgeKey(_ key: String, gap: MatchToken.Gap) -> String {
        if case .literal(let separator) = gap { return "\u{1}" + separator + "\u{1}" + key }
        return key
    }

    /// Adds a name given as its keys; the first entry for a path wins, so the data's order decides clashes.
    /// Returns the entry that the path already had, if any.
    @discardableResult
    mutating func insert(_ keys: [String], entry: Entry) -> Entry? {
        var node = Self.root
        for key in keys {
            if let next = nodes[Int(node)].children[key] {
                node = next
            } else {
                let next = Int32(nodes.count)
                nodes.append(Node())
                nodes[Int(node)].children[key] = next
                node = next
            }
        }
        if let existing = nodes[Int(node)].entry { return existing }
        nodes[Int(node)].entry = entry
        return nil
    }

    func child(of node: Int32, _ key: String) -> Int32? { nodes[Int(node)].children[key] }

    func entry(at node: Int32) -> Entry? { nodes[Int(node)].entry }
}

import EvidenceModel
/// A light outline of an HTML page's elements beside its visible text: what each block was (tag, class, id, a few
/// attributes), how deep it sat, and which stretch of the visible text it covers.
///
/// The comment stage reads forum and comment markup from it (repeated post blocks, author and date elements,
/// quote blocks, signatures) without parsing the page again; the visible text itself is not changed by it.
public struct HTMLOutline: Sendable {
    public var blocks: [HTMLBlock]

    public init(blocks: [HTMLBlock] = []) { self.blocks = blocks }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Whether `inner` sits inside `outer` (or is it).
    public func isInside(_ inner: Int, _ outer: Int) -> Bool {
        var current: Int? = inner
        while let index = current {
            if index == outer { return true }
            if blocks[index].depth <= blocks[outer].depth { return false }
            current = blocks[index].parent
        }
        return false
    }

    /// The blocks below `index`, in document order (they follow it and are deeper until the next sibling).
    public func descendants(of index: Int) -> Range<Int> {
        let depth = blocks[index].depth
        var end = index + 1
        while end < blocks.count, blocks[end].depth > depth { end += 1 }
        return (index + 1)..<end
    }
}

/// One element of the page, in document order.
public struct HTMLBlock: Sendable, Hashable {
    /// Lower-case tag name.
    public var tag: String
    /// The class attribute's words, as written.
    public var classes: [String]
    public var id: String?
    /// Attributes the comment stage reads: itemprop, datetime, title, href.
    public var attributes: [String: String]
    /// Nesting depth below the document (html = 0).
    public var depth: Int
    /// Index of the enclosing recorded block.
    public var parent: Int?
    /// Offsets in the visible text (Unicode scalars, end exclusive). Whitespace at either end may be included.
    public var start: Int
    public var end: Int

    public init(tag: String, classes: [String] = [], id: String? = nil, attributes: [String: String] = [:],
                depth: Int, parent: Int? = nil, start: Int, end: Int) {
        self.tag = tag
        self.classes = classes
        self.id = id
        self.attributes = attributes
        self.depth = depth
        self.parent = parent
        self.start = start
        self.end = end
    }

    public var span: TextSpan { TextSpan(start, max(start, end)) }
}

/// What the reading stage hands on: the stored text and, for HTML, its outline.
public struct ReadDocument: Sendable {
    public var text: String
    public var outline: HTMLOutline?

    public init(text: String, outline: HTMLOutline? = nil) {
        self.text = text
        self.outline = outline
    }
}

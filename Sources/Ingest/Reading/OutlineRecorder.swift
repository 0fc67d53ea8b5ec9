import CLibXML2

/// Records the outline of the elements the HTML walk opens and closes, at offsets in the visible text being built.
struct OutlineRecorder {
    let enabled: Bool
    private var blocks: [HTMLBlock] = []
    private var open: [Int] = []
    /// Blocks opened since the last text: they start where the next text does.
    private var pending: [Int] = []
    /// Attributes kept for the comment stage; the others are dropped to keep the outline light.
    private static let kept: Set<String> = ["itemprop", "datetime", "title", "href", "data-author", "data-role"]

    init(enabled: Bool) { self.enabled = enabled }

    mutating func open(_ node: xmlNodePtr, name: String, at offset: Int) {
        guard enabled else { return }
        var classes: [String] = []
        var id: String?
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            let key = String(cString: rawName).lowercased()
            guard key == "class" || key == "id" || Self.kept.contains(key) else { continue }
            let value = Self.value(of: current)
            switch key {
            case "class": classes = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            case "id": id = value.isEmpty ? nil : value
            default: if !value.isEmpty { attributes[key] = value }
            }
        }
        blocks.append(HTMLBlock(tag: name, classes: classes, id: id, attributes: attributes, depth: open.count,
                                parent: open.last, start: offset, end: offset))
        open.append(blocks.count - 1)
        pending.append(blocks.count - 1)
    }

    mutating func resolveStarts(at offset: Int) {
        guard enabled else { return }
        for index in pending where blocks[index].start <= offset { blocks[index].start = offset }
        pending.removeAll(keepingCapacity: true)
    }

    mutating func close(at offset: Int) {
        guard enabled, let index = open.popLast() else { return }
        blocks[index].end = max(blocks[index].start, offset)
        // A block closed before any text stays empty where it stood.
        pending.removeAll { $0 == index }
    }

    /// The outline, with offsets clamped to the finished text (its trailing whitespace was trimmed).
    mutating func finish(length: Int) -> HTMLOutline {
        while let index = open.popLast() { blocks[index].end = length }
        for index in blocks.indices {
            blocks[index].start = min(blocks[index].start, length)
            blocks[index].end = min(max(blocks[index].start, blocks[index].end), length)
        }
        return HTMLOutline(blocks: blocks)
    }

    /// An attribute's text: the content of its text children.
    private static func value(of attribute: xmlAttrPtr) -> String {
        var result = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { result += String(cString: content) }
            child = node.pointee.next
        }
        return result
    }
}

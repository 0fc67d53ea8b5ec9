import CLibXML2

/// The visible text of an HTML page, through libxml2's HTML parser.
///
/// The tree is walked without recursion (parent pointers), so hostile nesting cannot exhaust the stack.
/// Scripts, styles, templates, SVG, frames and the head are dropped, except the <title>, which becomes the
/// first line. Block elements become line breaks (paragraph-like blocks a blank line), list items get a bullet,
/// headings their Markdown mark ("# ", "## "),
/// whitespace inside text is collapsed as a browser would (except in <pre>), and entities arrive decoded.
enum HTMLText {
    /// Elements whose content is never shown.
    private static let hidden: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "math", "select",
        "button", "input", "textarea", "audio", "video", "map", "frameset", "frame", "applet", "datalist", "dialog",
    ]
    /// Blocks that stand apart as paragraphs: a blank line before and after.
    private static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre", "table", "ul", "ol",
        "header", "footer", "main", "aside", "nav", "figure", "form", "dl", "hr", "address", "fieldset", "details",
    ]
    /// Blocks that start a new line.
    private static let lines: Set<String> = [
        "div", "li", "tr", "dt", "dd", "figcaption", "caption", "option", "summary", "legend", "center", "body",
        "menu", "dir", "thead", "tbody", "tfoot", "hgroup", "search",
    ]

    static func visibleText(of bytes: [UInt8]) throws(ReadError) -> String {
        try read(bytes, outline: false).text
    }

    /// The visible text and, when asked for, the outline of its elements (see `HTMLOutline`).
    static func read(_ bytes: [UInt8], outline wantOutline: Bool = true) throws(ReadError) -> ReadDocument {
        guard !bytes.isEmpty else { throw ReadError.empty }
        guard bytes.count < Int(Int32.max) else { throw ReadError.tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed else { throw ReadError.malformedHTML(reason: "libxml2 found no document in it") }
        defer { xmlFreeDoc(doc) }
        guard let first = doc.pointee.children else { throw ReadError.malformedHTML(reason: "the document has no elements") }

        var out = TextBuilder()
        var recorder = OutlineRecorder(enabled: wantOutline)
        walk(from: first, into: &out, recorder: &recorder)
        let text = out.finish()
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ReadError.empty }
        return ReadDocument(text: text, outline: wantOutline ? recorder.finish(length: text.unicodeScalars.count) : nil)
    }

    /// Depth-first walk over the siblings starting at `first` and everything below them.
    private static func walk(from first: xmlNodePtr, into out: inout TextBuilder, recorder: inout OutlineRecorder) {
        var node: xmlNodePtr? = first
        let top = first.pointee.parent
        var inHead = 0
        var inTitle = 0
        var inPre = 0
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = elementName(current)
                if hidden.contains(name) { break }
                if name == "head" { inHead += 1 }
                if name == "title" {
                    // Only the document's title counts (an SVG or body <title> is a tooltip).
                    if inHead > 0 { inTitle += 1 } else { break }
                }
                if name == "pre" { inPre += 1 }
                if inHead == 0 { recorder.open(current, name: name, at: out.text.count) }
                open(name, &out)
                descend = current.pointee.children != nil
                if !descend {
                    if inHead == 0 { recorder.close(at: out.text.count) }
                    close(name, &out, &inHead, &inTitle, &inPre)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
                if inHead == 0 || inTitle > 0, let content = current.pointee.content {
                    out.contentStart = nil
                    out.append(String(cString: content), preserve: inPre > 0)
                    // The blocks opened since the last text start where this text does (after line breaks and marks).
                    if let start = out.contentStart { recorder.resolveStarts(at: start) }
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // Up until there is a next sibling, closing the elements left behind.
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if let next = c.pointee.next {
                    node = next
                    break
                }
                guard let parent = c.pointee.parent, parent != top else { break }
                if parent.pointee.type == XML_ELEMENT_NODE {
                    let name = elementName(parent)
                    if inHead == 0 { recorder.close(at: out.text.count) }
                    close(name, &out, &inHead, &inTitle, &inPre)
                }
                climb = parent
            }
        }
    }

    private static func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private static func open(_ name: String, _ out: inout TextBuilder) {
        if paragraphs.contains(name) {
            out.breakLine(2)
            // Headings keep their level as Markdown does ("# Headline"), so later stages can tell a page's
            // headline from its <title> and section headings from prose.
            if name.count == 2, name.hasPrefix("h"), let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                out.heading(level)
            }
        } else if name == "li" {
            out.breakLine(1)
            out.bullet()
        } else if name == "br" {
            out.hardBreak()
        } else if lines.contains(name) {
            out.breakLine(1)
        } else if name == "td" || name == "th" {
            out.space()
        }
    }

    private static func close(_ name: String, _ out: inout TextBuilder, _ inHead: inout Int, _ inTitle: inout Int, _ inPre: inout Int) {
        switch name {
        case "head": inHead = max(0, inHead - 1)
        case "title":
            if inTitle > 0 {
                inTitle -= 1
                out.breakLine(2)
            }
        case "pre": inPre = max(0, inPre - 1)
        default: break
        }
        if paragraphs.contains(name) {
            out.breakLine(2)
        } else if lines.contains(name) || name == "li" {
            out.breakLine(1)
        } else if name == "td" || name == "th" {
            out.space()
        }
    }
}

/// Collects visible text, collapsing whitespace and turning block boundaries into at most one blank line.
private struct TextBuilder {
    /// Scalars, not a String: appending to a String's scalar view copies it on Linux, which made pages quadratic.
    var text: [Unicode.Scalar] = []
    /// Line breaks owed before the next text (0, 1 or 2).
    var pendingBreaks = 0
    var pendingSpace = false
    /// A bullet or heading mark owed before the next text of a list item or heading.
    var pendingMark: String?
    /// Where the first visible scalar went since this was last cleared (for the outline's block starts).
    var contentStart: Int?

    mutating func breakLine(_ count: Int) { pendingBreaks = max(pendingBreaks, count) }

    /// A <br>: one line break even where block breaks have already been asked for.
    mutating func hardBreak() {
        pendingBreaks = min(2, pendingBreaks + 1)
    }

    mutating func bullet() { pendingMark = "\u{2022} " }
    mutating func heading(_ level: Int) { pendingMark = String(repeating: "#", count: level) + " " }
    mutating func space() { pendingSpace = true }

    mutating func append(_ string: String, preserve: Bool) {
        for scalar in string.unicodeScalars {
            let isSpace = ScalarKind.isWhitespace(scalar)
            if preserve {
                if scalar == "\n" {
                    text.append("\n")
                    pendingSpace = false
                    pendingBreaks = 0
                    continue
                }
                if isSpace {
                    flush()
                    text.append(scalar == "\u{A0}" ? " " : scalar)
                    continue
                }
            } else if isSpace {
                pendingSpace = true
                continue
            }
            // Invisible formatting characters carry no text.
            if scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{00AD}" { continue }
            flush()
            text.append(scalar)
        }
    }

    private mutating func flush() {
        if pendingBreaks > 0 {
            if !text.isEmpty {
                // Remove trailing spaces of the line being closed.
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
                var existing = 0
                while existing < 2, existing < text.count, text[text.count - 1 - existing] == "\n" { existing += 1 }
                for _ in existing..<max(existing, pendingBreaks) { text.append("\n") }
            }
            pendingBreaks = 0
            pendingSpace = false
        } else if pendingSpace {
            if let last = text.last, last != " ", last != "\n" { text.append(" ") }
            pendingSpace = false
        }
        if let mark = pendingMark {
            text.append(contentsOf: mark.unicodeScalars)
            pendingMark = nil
        }
        if contentStart == nil { contentStart = text.count }
    }

    mutating func finish() -> String {
        while let last = text.last, last.properties.isWhitespace { text.removeLast() }
        text.append("\n")
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.count)
        for scalar in text { UTF8.encode(scalar) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }
}

import EvidenceModel
/// Reads the posts of an old message board laid out as a table without class names: one row per post, a short
/// first cell with the poster's name (and perhaps a rank, a join date, a post count) and a second cell with the
/// post ("Posted: <date>", the text, perhaps a signature under a rule).
///
/// The rows are recognised by shape only: a table with at least `minimumRows` rows of two or more cells whose
/// first cell is short and opens with a name and whose second cell holds text. The first row is the thread's
/// opening post unless an article stands before the table.
///
/// Other boards stack each post as a table of its own: a short header row naming the poster before a date
/// ("From: Name Date: <date>", "Name posted <date>") over a row with the text. At least `minimumRows` such tables
/// make a thread.
struct TableThreadReader: Sendable {
    let posts: HTMLThreadReader
    let quoteCues: QuoteNames
    /// Lines that open a signature under a post ("--", "___").
    let signatureRules: Set<String>
    /// Words around a poster's name in a header row ("from:", "posted by", "date:").
    var headerLabels: [String] = []

    /// Fewer rows than this are a layout table, not a thread (an opening post and two replies at least).
    static let minimumRows = 3
    /// The longest first cell that still reads as a poster's box.
    static let authorCellLength = 160
    /// The longest first line of a message cell that is only its date ("Posted: 14 October 2006 21:40").
    static let dateLineLength = 80

    func read(_ page: HTMLThreadReader.Page) -> DiscussionThread? {
        let blocks = page.blocks
        var children: [Int: [Int]] = [:]
        for (index, block) in blocks.enumerated() {
            if let parent = block.parent { children[parent, default: []].append(index) }
        }
        // Post rows grouped by the table (or tbody) that holds them.
        var rowsByTable: [Int: [(row: Int, name: Int, message: Int)]] = [:]
        for (index, block) in blocks.enumerated() where block.tag == "tr" {
            let cells = (children[index] ?? []).filter { blocks[$0].tag == "td" }
            guard cells.count >= 2, let table = block.parent else { continue }
            let nameCell = cells[0]
            let message = cells[1]
            let nameSpan = page.text.trimmed(blocks[nameCell].span)
            let messageSpan = page.text.trimmed(blocks[message].span)
            guard !nameSpan.isEmpty, nameSpan.length <= Self.authorCellLength, messageSpan.length > nameSpan.length,
                  authorName(nameCell, page) != nil else { continue }
            rowsByTable[table, default: []].append((index, nameCell, message))
        }
        guard let rows = rowsByTable.values.filter({ $0.count >= Self.minimumRows }).max(by: { $0.count < $1.count }) else {
            return stacked(page, children: children)
        }
        var found: [ThreadPost] = []
        for row in rows {
            guard let name = authorName(row.name, page) else { continue }
            let (span, date) = body(row.message, page)
            guard !span.isEmpty else { continue }
            let extent = page.text.trimmed(blocks[row.row].span)
            found.append(ThreadPost(author: name, date: date, span: span, extent: TextSpan(min(extent.start, span.start), max(extent.end, span.end)),
                                    quotes: quotes(in: row.message, span, page)))
        }
        guard found.count >= Self.minimumRows else { return nil }
        if posts.proseBefore(blocks[rows[0].row].start, page) { return DiscussionThread(opening: nil, replies: found) }
        let opening = found.removeFirst()
        return DiscussionThread(opening: opening, replies: found)
    }

    /// Posts stacked as tables: a header row with the poster's name and a date over the row with the text.
    private func stacked(_ page: HTMLThreadReader.Page, children: [Int: [Int]]) -> DiscussionThread? {
        let blocks = page.blocks
        var found: [(table: Int, header: Int, message: Int, name: String, date: String?)] = []
        for (index, block) in blocks.enumerated() where block.tag == "table" {
            var rows = (children[index] ?? []).filter { blocks[$0].tag == "tr" }
            if rows.isEmpty, let body = (children[index] ?? []).first(where: { blocks[$0].tag == "tbody" }) {
                rows = (children[body] ?? []).filter { blocks[$0].tag == "tr" }
            }
            guard rows.count >= 2 else { continue }
            let header = page.text.trimmed(blocks[rows[0]].span)
            guard !header.isEmpty, header.length <= Self.authorCellLength,
                  page.text.trimmed(blocks[rows[1]].span).length > header.length,
                  let poster = headerName(header, page) ?? headerElementName(rows[0], page) else { continue }
            found.append((index, rows[0], rows[1], poster.name, poster.date))
        }
        guard found.count >= Self.minimumRows else { return nil }
        var thread: [ThreadPost] = []
        for (k, entry) in found.enumerated() {
            var (span, date) = body(entry.message, page)
            // A board that leaves its paragraphs open nests the next post inside this one's text.
            if k + 1 < found.count, blocks[found[k + 1].table].start < span.end {
                span = page.text.trimmed(TextSpan(span.start, max(span.start, blocks[found[k + 1].table].start)))
            }
            guard !span.isEmpty else { continue }
            let header = page.text.trimmed(blocks[entry.header].span)
            thread.append(ThreadPost(author: entry.name, date: entry.date ?? date, span: span,
                                    extent: TextSpan(header.start, span.end), quotes: quotes(in: entry.message, span, page)))
        }
        guard thread.count >= Self.minimumRows else { return nil }
        if posts.proseBefore(blocks[found[0].table].start, page) { return DiscussionThread(opening: nil, replies: thread) }
        let opening = thread.removeFirst()
        return DiscussionThread(opening: opening, replies: thread)
    }

    /// The poster in a post's header row: the words before its date, without the labels around them.
    private func headerName(_ header: TextSpan, _ page: HTMLThreadReader.Page) -> (name: String, date: String?)? {
        // The words before the date; when the date is written in a form not read ("2010.04.02 09:12"), before the
        // first word without letters.
        let date = DateParser.dates(in: page.text.scalars, range: header).first
        var words = page.text.slice(TextSpan(header.start, date?.span.start ?? header.end)).split(whereSeparator: \.isWhitespace).map(String.init)
        if date == nil {
            guard let firstNumber = words.firstIndex(where: { !$0.contains(where: \.isLetter) }) else { return nil }
            words = Array(words[..<firstNumber])
        }
        // Labels on either side, longest first ("posted by" before "by").
        let labels = headerLabels.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        var changed = true
        while changed, !words.isEmpty {
            changed = false
            for label in labels where !label.isEmpty && label.count <= words.count {
                if words.prefix(label.count).map({ $0.lowercased() }) == label { words.removeFirst(label.count); changed = true }
                if label.count <= words.count, words.suffix(label.count).map({ $0.lowercased() }) == label { words.removeLast(label.count); changed = true }
            }
        }
        let name = Trim.chars(words.joined(separator: " "), ",:|-\u{2022}\u{00B7}")
        guard !name.isEmpty, words.count <= 4, let shown = posts.authorName(name), shown == name else { return nil }
        return (name, date?.iso)
    }

    /// The poster in a header row whose date is written in a form not read: its first bold or linked element that
    /// is a name and not a label ("by", "From:").
    private func headerElementName(_ row: Int, _ page: HTMLThreadReader.Page) -> (name: String, date: String?)? {
        for i in page.outline.descendants(of: row) where ["a", "b", "strong", "font", "span"].contains(page.blocks[i].tag) {
            let shown = Trim.spaces(page.text.slice(page.text.trimmed(page.blocks[i].span)))
            guard !shown.isEmpty, !headerLabels.contains(shown.lowercased()),
                  !headerLabels.contains(Trim.chars(shown.lowercased(), ":")) else { continue }
            if let name = posts.authorName(shown), name == shown { return (name, nil) }
        }
        return nil
    }

    /// The name in the poster's cell: its first bold or linked element that reads as a name, else its first line.
    private func authorName(_ cell: Int, _ page: HTMLThreadReader.Page) -> String? {
        let range = page.outline.descendants(of: cell)
        for i in range where ["b", "strong", "a", "font", "span"].contains(page.blocks[i].tag) {
            let span = page.text.trimmed(page.blocks[i].span)
            guard !span.isEmpty, span.start == page.text.trimmed(page.blocks[cell].span).start else { continue }
            if let name = posts.authorName(page.text.slice(span)) { return name }
        }
        return posts.authorName(page.text.slice(page.blocks[cell].span))
    }

    /// The post's text: the message cell without the date line that opens it and the signature under a rule.
    private func body(_ cell: Int, _ page: HTMLThreadReader.Page) -> (TextSpan, String?) {
        var span = page.text.trimmed(page.blocks[cell].span)
        let s = page.text.scalars
        var date: String?
        let firstEnd = (span.start..<span.end).first { ScalarKind.isNewline(s[$0]) } ?? span.end
        let firstLine = TextSpan(span.start, firstEnd)
        if firstLine.length <= Self.dateLineLength, let found = DateParser.dates(in: s, range: firstLine).first {
            date = found.iso
            span = page.text.trimmed(TextSpan(firstEnd, span.end))
        }
        // A signature starts at a line that is only a rule.
        var lineStart = span.start
        for i in span.start...span.end where i == span.end || ScalarKind.isNewline(s[i]) {
            let line = page.text.trimmed(TextSpan(lineStart, i))
            if !line.isEmpty, line.start > span.start, signatureRules.contains(page.text.slice(line)) {
                span = page.text.trimmed(TextSpan(span.start, line.start))
                break
            }
            lineStart = i + 1
        }
        return (span, date)
    }

    /// Quote blocks in the message: `blockquote`, or an element that opens with a credit ("Name wrote: …").
    private func quotes(in cell: Int, _ span: TextSpan, _ page: HTMLThreadReader.Page) -> [QuotedBlock] {
        var found: [QuotedBlock] = []
        for i in page.outline.descendants(of: cell) {
            let block = page.blocks[i]
            let qspan = page.text.trimmed(block.span)
            guard !qspan.isEmpty, qspan.start >= span.start, qspan.end <= span.end, qspan != span,
                  !found.contains(where: { $0.span.contains(qspan) }) else { continue }
            let head = page.text.slice(TextSpan(qspan.start, min(qspan.end, qspan.start + 200)))
            let name = quoteCues.name(in: head)
            guard block.tag == "blockquote" || name != nil else { continue }
            found.append(QuotedBlock(span: qspan, name: name))
        }
        return found
    }
}

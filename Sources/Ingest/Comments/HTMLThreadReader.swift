import EvidenceModel
/// Reads the posts of a forum thread or a comment list from an HTML page's outline.
///
/// Posts are the blocks the page repeats: the same tag with the same post-like class or id ("post-17",
/// "ItemComment", "discussion-post-3"). Of the repeated groups, the one whose blocks each carry a poster's name
/// wins. Each post's unit is the largest block around it that holds no other post; in it are read the author
/// (`itemprop=author`, `.author`, `.username`, a profile link), the date (`datetime`, `.date`), the body
/// (`.post-body`, `.message`, …), quote blocks (`blockquote`, `.quote`) and the signature, which is cut off.
/// A post inside another post is nested under it.
struct HTMLThreadReader: Sendable {
    let cues: MarkupCues
    let quoteCues: QuoteNames
    /// Relative times ("2 yr. ago") shown after a poster's name.
    let textCues: TextThreadCues

    /// What is known of one block's words, worked out once per page.
    struct Words {
        var classWords: [[String]]
        /// The name each entry of `classWords` was read from: ".class", "#id", or "<tag" for a custom element.
        var names: [String]
        var all: Set<String>
    }

    struct Page {
        let text: SourceText
        let outline: HTMLOutline
        let words: [Words]
        var blocks: [HTMLBlock] { outline.blocks }
    }

    func read(_ text: SourceText, outline: HTMLOutline) -> DiscussionThread? {
        guard outline.blocks.count >= 2 else { return nil }
        let words = outline.blocks.map { block -> Words in
            var classWords = block.classes.map(ClassWords.words)
            var names = block.classes.map { "." + ClassWords.pattern($0) }
            if let id = block.id {
                classWords.append(ClassWords.words(id))
                names.append("#" + ClassWords.pattern(id))
            }
            // A custom element names what it is in its tag ("shreddit-comment", "comment-action-row"), as a class would.
            if block.tag.contains("-") {
                classWords.append(ClassWords.words(block.tag))
                names.append("<" + block.tag)
            }
            var all = Set(classWords.joined())
            if let itemprop = block.attributes["itemprop"] { all.formUnion(ClassWords.words(itemprop)) }
            return Words(classWords: classWords, names: names, all: all)
        }
        let page = Page(text: text, outline: outline, words: words)
        var best: (members: [Int], units: [Int], posts: [ThreadPost], score: Int)?
        for members in candidateGroups(page) {
            let units = self.units(members, page)
            let posts = members.indices.map { readPost($0, members: members, units: units, page) }
            let score = posts.filter { $0.author != nil && !$0.span.isEmpty }.count
            guard score >= 2 else { continue }
            if best == nil || score > (best?.score ?? 0) { best = (members, units, posts, score) }
        }
        // A board without class names: its posts are the rows of a table.
        // Pages with two kinds of post (answers, and comments under the question and the answers): another group
        // whose every block carries a poster joins the chosen one when together they read more posts.
        if let found = best {
            for members in candidateGroups(page) where members != found.members && Set(members).isDisjoint(with: found.members) {
                let union = (found.members + members).sorted()
                let units = self.units(union, page)
                let posts = union.indices.map { readPost($0, members: union, units: units, page) }
                let score = posts.filter { $0.author != nil && !$0.span.isEmpty }.count
                let spans = Set(posts.map { "\($0.span.start):\($0.span.end)" })
                guard score == union.count, score > (best?.score ?? 0), spans.count == posts.count else { continue }
                best = (union, units, posts, score)
            }
        }
        guard let chosen = best else {
            return TableThreadReader(posts: self, quoteCues: quoteCues, signatureRules: cues.signatureRules, headerLabels: cues.headerLabels).read(page)
        }
        var posts: [ThreadPost] = []
        var kept: [Int] = []
        for (k, post) in chosen.posts.enumerated() where !post.span.isEmpty {
            posts.append(post)
            kept.append(chosen.units[k])
        }
        // Nesting: a post inside another post's block answers it.
        for k in posts.indices {
            posts[k].parent = stride(from: k - 1, through: 0, by: -1).first { page.outline.isInside(kept[k], kept[$0]) }
        }
        if posts.allSatisfy({ $0.parent == nil }) { nestByDepthLabels(&posts, units: kept, page) }
        let firstUnit = kept[0]
        if let found = openingPost(before: page.blocks[firstUnit].start, firstMember: firstUnit, page),
           // A line over the thread naming its starter ("Started by Name, <date>") is no post when the first
           // repeated post is that starter's: that post is the opening one.
           found.hasBody || PersonName.compact(found.post.author ?? "") != PersonName.compact(posts[0].author ?? "") {
            return DiscussionThread(opening: found.post, replies: posts)
        }
        if proseBefore(page.blocks[firstUnit].start, page) { return DiscussionThread(opening: nil, replies: posts) }
        // A forum page: the first post is the opening post, and the posts nested under it answer the thread.
        let opening = posts.removeFirst()
        for k in posts.indices {
            if let parent = posts[k].parent { posts[k].parent = parent == 0 ? nil : parent - 1 }
        }
        return DiscussionThread(opening: opening, replies: posts)
    }

    /// A flat list that prints each post's depth ("level 2", hidden for screen readers, with the indent drawn by
    /// style): a post answers the nearest post above it one level up; a post at the first level answers the
    /// thread. Nothing changes unless every post carries such a label.
    func nestByDepthLabels(_ posts: inout [ThreadPost], units: [Int], _ page: Page) {
        let depths = units.map { depthLabel(in: $0, page) }
        let known = depths.compactMap { $0 }
        guard known.count == posts.count, Set(known).count >= 2, let top = known.min() else { return }
        for k in posts.indices where depths[k] != top {
            guard let depth = depths[k] else { continue }
            posts[k].parent = stride(from: k - 1, through: 0, by: -1).first { (depths[$0] ?? top) < depth }
        }
    }

    /// The number of a short element in the post reading "level 3".
    func depthLabel(in unit: Int, _ page: Page) -> Int? {
        for index in page.outline.descendants(of: unit) {
            let block = page.blocks[index]
            guard block.end - block.start <= Self.depthLabelLength else { continue }
            let words = Trim.spaces(page.text.slice(block.span)).lowercased().split(separator: " ")
            guard words.count == 2, cues.depthWords.contains(String(words[0])), let depth = Int(words[1]) else { continue }
            return depth
        }
        return nil
    }

    /// "level 12".
    static let depthLabelLength = 12

    // MARK: Groups of repeated posts

    /// Groups of blocks with the same tag and the same post-like class names, two or more each, in page order.
    func candidateGroups(_ page: Page) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, block) in page.blocks.enumerated() {
            var names: [String] = []
            for (k, classWords) in page.words[index].classWords.enumerated() where isPostName(classWords) {
                names.append(page.words[index].names[k])
            }
            guard !names.isEmpty else { continue }
            let key = block.tag + " " + names.sorted().joined(separator: " ")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { groups[$0] }.filter { $0.count >= 2 }
    }

    /// A class name or id that names a post ("post-17", "reply", "ItemComment") and not one of its parts
    /// ("post-body", "reply-author").
    func isPostName(_ words: [String]) -> Bool {
        words.contains { cues.postWords.contains($0) } && !words.contains { cues.partWords.contains($0) }
    }

    /// Each post's unit: the largest block around it that holds no other post but later posts of another kind
    /// (a board that puts an answer's comments beside the answer's header, inside the answer's box) and those
    /// inside the post itself.
    func units(_ members: [Int], _ page: Page) -> [Int] {
        let blocks = page.blocks
        let kinds = members.map { i in
            blocks[i].tag + " " + blocks[i].classes.map(ClassWords.pattern).sorted().joined(separator: " ") + " #" + ClassWords.pattern(blocks[i].id ?? "")
        }
        var kindCount: [String: Int] = [:]
        for kind in kinds { kindCount[kind, default: 0] += 1 }
        let memberSet = Set(members)
        return members.indices.map { k in
            let member = members[k]
            var unit = member
            while let parent = blocks[unit].parent {
                // A post inside another post stops below it (a reply nested in a comment's list item).
                if memberSet.contains(parent) { break }
                let inside = page.outline.descendants(of: parent)
                let blocked = members.indices.contains { o in
                    let other = members[o]
                    guard o != k, inside.contains(other), !page.outline.isInside(other, member) else { return false }
                    return kinds[o] == kinds[k] || o < k || (kindCount[kinds[k]] ?? 0) < 2
                }
                if blocked { break }
                unit = parent
            }
            return unit
        }
    }

    // MARK: One post

    func readPost(_ k: Int, members: [Int], units: [Int], _ page: Page) -> ThreadPost {
        let member = members[k]
        let unitIndex = units[k]
        let blocks = page.blocks
        // The post's own blocks: its unit without the posts nested in it.
        let nested = units.indices.filter { $0 != k && page.outline.isInside(units[$0], unitIndex) }.map { units[$0] }
        var own: [Int] = []
        var range = page.outline.descendants(of: unitIndex)
        own.append(unitIndex)
        var index = range.lowerBound
        while index < range.upperBound {
            if nested.contains(index) {
                index = page.outline.descendants(of: index).upperBound
                continue
            }
            own.append(index)
            index += 1
        }
        range = range.lowerBound..<range.upperBound
        let quotes = quoteBlocks(own, page)
        let inQuote: (Int) -> Bool = { i in quotes.contains { page.outline.isInside(i, $0) } }
        let author = findAuthor(own, page, skip: inQuote)
        let body = findBody(own, member: member, page, author: author?.block, skip: inQuote)
        var span = page.text.trimmed(body)
        // The signature and everything after it in the body are furniture.
        for i in own where blocks[i].start > span.start && blocks[i].start < span.end && hasWord(i, cues.signatureWords, page) {
            span = page.text.trimmed(TextSpan(span.start, blocks[i].start))
            break
        }
        // So are the buttons and votes under the text ("Reply Share Report", "Was this helpful?").
        for i in own where blocks[i].start > span.start && blocks[i].start < span.end && hasWord(i, cues.buttonWords, page) {
            span = page.text.trimmed(TextSpan(span.start, blocks[i].start))
            break
        }
        // Posts nested inside the body are not its text.
        for n in nested where blocks[n].start > span.start && blocks[n].start < span.end {
            span = page.text.trimmed(TextSpan(span.start, blocks[n].start))
        }
        let date = findDate(own, page, skip: inQuote)
        var quoted: [QuotedBlock] = []
        for q in quotes where span.contains(TextSpan(blocks[q].start, blocks[q].start)) || span.overlaps(blocks[q].span) {
            let qspan = page.text.trimmed(blocks[q].span)
            guard !qspan.isEmpty, qspan != span else { continue }
            let name = citedName(q, page) ?? quoteCues.name(inBlock: page.text.slice(TextSpan(qspan.start, min(qspan.end, qspan.start + 200))))
            quoted.append(QuotedBlock(span: qspan, name: name))
        }
        let extent = page.text.trimmed(blocks[unitIndex].span)
        return ThreadPost(author: author?.name, date: date, span: span, extent: TextSpan(min(extent.start, span.start), max(extent.end, span.end)),
                          quotes: quoted, parent: nil)
    }

    private func hasWord(_ index: Int, _ set: Set<String>, _ page: Page) -> Bool {
        !page.words[index].all.isDisjoint(with: set)
    }

    /// The name in a quote block's `cite` element ("Name wrote:"), read from the element itself: boards run it into
    /// the quoted words without a space.
    func citedName(_ quote: Int, _ page: Page) -> String? {
        for i in page.outline.descendants(of: quote) where page.blocks[i].tag == "cite" {
            var line = Trim.spaces(page.text.slice(page.text.trimmed(page.blocks[i].span)))
            line = Trim.chars(line, "\u{2191}: ")
            for verb in quoteCues.verbs {
                let bare = verb.hasSuffix(":") ? String(verb.dropLast()) : verb
                if line.lowercased().hasSuffix(" " + bare) { line = Trim.spaces(String(line.dropLast(bare.count))) }
            }
            if quoteCues.headers.isName(line) { return line }
        }
        return nil
    }

    /// Outermost quote blocks among the post's blocks (a blockquote that is the whole body is no quote).
    func quoteBlocks(_ own: [Int], _ page: Page) -> [Int] {
        var found: [Int] = []
        for i in own {
            let block = page.blocks[i]
            let isQuote = block.tag == "blockquote" || page.words[i].classWords.contains { words in
                words.contains { cues.quoteWords.contains($0) } && !words.contains { cues.signatureWords.contains($0) }
            }
            guard isQuote, !found.contains(where: { page.outline.isInside(i, $0) }) else { continue }
            found.append(i)
        }
        // A blockquote holding most of the post is the post's body (some boards mark their posts up so).
        return found.filter { i in
            let block = page.blocks[i]
            guard block.tag == "blockquote", !hasWord(i, cues.quoteWords, page) else { return true }
            return !own.contains { j in j != i && page.outline.isInside(i, j) && hasWord(j, cues.bodyWords, page)
                && page.text.trimmed(page.blocks[j].span) == page.text.trimmed(block.span) }
                && !(hasWord(i, cues.bodyWords, page))
        }
    }

    /// The poster's name: an author element, or a short link to a profile. Of an author element holding another
    /// (".author" around ".username" and a post count), the inner one.
    func findAuthor(_ own: [Int], _ page: Page, skip: (Int) -> Bool) -> (name: String, block: Int)? {
        for (position, i) in own.enumerated() where !skip(i) && isAuthorElement(i, page) {
            // Down to the innermost author element that gives a name.
            var best = i
            var from = position + 1
            while let next = own[from...].prefix(while: { page.outline.isInside($0, best) }).firstIndex(where: { j in
                !skip(j) && isAuthorElement(j, page) && authorName(page.text.slice(page.blocks[j].span)) != nil }) {
                best = own[next]
                from = next + 1
            }
            // A block as long as a post is no author element, whatever its class ("isOriginalPoster").
            guard page.text.trimmed(page.blocks[best].span).length <= Self.authorElementLength else { continue }
            if let name = authorName(page.text.slice(page.blocks[best].span)) { return (name, best) }
        }
        return nil
    }

    /// Longest text an author element holds: a name with a rank, a post count, a join date.
    static let authorElementLength = 120

    private func isAuthorElement(_ i: Int, _ page: Page) -> Bool {
        let block = page.blocks[i]
        if block.tag == "cite" { return true }
        if block.attributes["itemprop"].map({ cues.authorItemprops.contains($0.lowercased()) }) ?? false { return true }
        if block.tag == "a", let href = block.attributes["href"]?.lowercased(), cues.authorLinkParts.contains(where: { href.contains($0) }) {
            return true
        }
        // "user-action-time" is when the user acted, not who; "icon-user-add" draws a button ("Register").
        return page.words[i].classWords.contains { words in
            words.contains { cues.authorWords.contains($0) }
                && !words.contains { cues.quoteWords.contains($0) || cues.signatureWords.contains($0) || cues.dateWords.contains($0) || cues.iconWords.contains($0) }
        }
    }

    /// The name in an author element's text: its first line, without "Posted by", up to a date or a count.
    func authorName(_ raw: String) -> String? {
        var line = raw.trimmingWhitespace
        if let newline = line.firstIndex(where: \.isNewline) { line = String(line[..<newline]).trimmingWhitespace }
        for prefix in ["posted by ", "written by ", "by "] where line.lowercased().hasPrefix(prefix) {
            line = String(line.dropFirst(prefix.count)).trimmingWhitespace
        }
        var words: [Substring] = []
        for word in line.split(whereSeparator: \.isWhitespace) {
            // "watsoncraig 26/05/20", "Name 12 posts": the name ends before the first word without letters (a
            // bullet before it is no part of it).
            guard word.contains(where: \.isLetter) else {
                if words.isEmpty { continue } else { break }
            }
            words.append(word)
        }
        let name = Trim.chars(words.joined(separator: " "), ":,\u{2022}|")
        let scalars = name.unicodeScalars
        guard scalars.count >= 1, scalars.count <= 40, words.count <= 5 else { return nil }
        return name
    }

    /// The post's text: its largest body block (the innermost of those nearly as large), else the whole post.
    func findBody(_ own: [Int], member: Int, _ page: Page, author: Int?, skip: (Int) -> Bool) -> TextSpan {
        var candidates: [(index: Int, length: Int)] = []
        for i in own where !skip(i) && hasWord(i, cues.bodyWords, page) && !page.words[i].classWords.allSatisfy({ words in
            words.contains { cues.partWords.contains($0) && !cues.bodyWords.contains($0) } }) {
            // The body never holds the poster's name (a post block whose id reads "msg123" is not its body).
            if let author, page.outline.isInside(author, i) { continue }
            let length = page.text.trimmed(page.blocks[i].span).length
            if length > 0 { candidates.append((i, length)) }
        }
        // Nor a second byline with the poster's name ("by Name » date" over the text): a block holding it holds the
        // post's header too. A mention of someone else ("@Name") is text.
        let posterName = author.flatMap { authorName(page.text.slice(page.blocks[$0].span)) }
        let unsigned = candidates.filter { candidate in
            !own.contains { j in
                j != candidate.index && page.outline.isInside(j, candidate.index) && !skip(j) && isAuthorElement(j, page)
                    && page.text.trimmed(page.blocks[j].span).length <= Self.authorElementLength
                    && posterName != nil && authorName(page.text.slice(page.blocks[j].span)).map { $0.hasSuffix(posterName ?? "") } == true
            }
        }
        if !unsigned.isEmpty { candidates = unsigned }
        guard let largest = candidates.map(\.length).max() else {
            let block = page.blocks[member]
            var start = author.map { max(page.blocks[$0].end, block.start) } ?? block.start
            // The time shown right after the name ("· 2y ago") is the header's, not the text's.
            for i in own where page.blocks[i].start >= start && page.blocks[i].start <= start + Self.headerGap && isTime(i, page) {
                start = max(start, page.blocks[i].end)
            }
            return TextSpan(start, block.end)
        }
        let nearly = candidates.filter { $0.length * 10 >= largest * 8 }
        let chosen = nearly.max { page.blocks[$0.index].depth < page.blocks[$1.index].depth } ?? nearly[0]
        return page.blocks[chosen.index].span
    }

    /// Characters between a poster's name and the time after it ("  OP  •  ").
    static let headerGap = 12

    private func isTime(_ i: Int, _ page: Page) -> Bool {
        let block = page.blocks[i]
        if block.tag == "time" || block.attributes["datetime"] != nil || hasWord(i, cues.dateWords, page) { return true }
        // An element holding only a relative time ("2 yr. ago"), whatever its class.
        return block.end - block.start <= Self.relativeTimeLength && textCues.isRelativeTime(Trim.spaces(page.text.slice(block.span)))
    }

    /// "11 months ago".
    static let relativeTimeLength = 20

    /// The post's date: a `datetime` attribute, else the text of a date-like element.
    func findDate(_ own: [Int], _ page: Page, skip: (Int) -> Bool) -> String? {
        for i in own where !skip(i) {
            if let value = page.blocks[i].attributes["datetime"], let date = DateParser.dates(in: value).first { return date.iso }
        }
        for i in own where !skip(i) && hasWord(i, cues.dateWords, page) {
            let span = page.blocks[i].span
            guard span.length <= 120 else { continue }
            if let date = DateParser.dates(in: page.text.scalars, range: span).first { return date.iso }
            if let title = page.blocks[i].attributes["title"], let date = DateParser.dates(in: title).first { return date.iso }
        }
        return nil
    }

    // MARK: The opening post

    /// The opening post when it stands apart before the repeated posts (a question above its answers, an article
    /// above its comments): the last author element before them, outside page furniture, with text after it.
    func openingPost(before start: Int, firstMember: Int, _ page: Page) -> (post: ThreadPost, hasBody: Bool)? {
        let blocks = page.blocks
        var authorAt: (name: String, block: Int)?
        var i = 0
        while i < firstMember {
            defer { i += 1 }
            guard blocks[i].start < start, !page.outline.isInside(firstMember, i), !inFurniture(i, page), isAuthorElement(i, page) else { continue }
            // The element with what it holds (".author" around ".username"), then past it.
            let inside = page.outline.descendants(of: i).clamped(to: 0..<firstMember)
            if !isVisitorBox(i, inside, page), !inMemberList(i, page), let found = findAuthor([i] + Array(inside), page, skip: { _ in false }) {
                authorAt = found
            }
            i = max(i, inside.upperBound - 1)
        }
        guard let author = authorAt else { return nil }
        let from = blocks[author.block].end
        // Its text: the largest body block between the name and the posts.
        var bodyIndex: Int?
        var bodyLength = 0
        for i in author.block..<firstMember where blocks[i].start >= from && blocks[i].end <= start && hasWord(i, cues.bodyWords, page) {
            let length = page.text.trimmed(blocks[i].span).length
            if length > bodyLength { bodyIndex = i; bodyLength = length }
        }
        // A post signed under its text ("asked Mar 3 · Name"): the body block before the name in the box holding both.
        var box = blocks[author.block].parent
        for _ in 0..<Self.signatureDepth where bodyIndex == nil {
            guard let container = box else { break }
            for i in page.outline.descendants(of: container) where i < author.block && blocks[i].end <= blocks[author.block].start
                && hasWord(i, cues.bodyWords, page) && !page.outline.isInside(author.block, i) {
                let length = page.text.trimmed(blocks[i].span).length
                if length > bodyLength { bodyIndex = i; bodyLength = length }
            }
            box = blocks[container].parent
        }
        let span = page.text.trimmed(bodyIndex.map { blocks[$0].span } ?? TextSpan(from, start))
        // A byline over the thread ("Thread starter Name · <date>") names the opening post but holds none of its
        // words: that post is then the first of the repeated ones.
        guard wordCount(page.text.slice(span)) >= Self.openingWords else { return nil }
        let date = findDate(Array(author.block..<firstMember).filter { blocks[$0].start < start }, page, skip: { _ in false })
        return (ThreadPost(author: author.name, date: date, span: span, extent: TextSpan(blocks[author.block].start, span.end)), bodyIndex != nil)
    }

    /// The site's box for the visitor ("Hello, Guest · Log in · Register"): a link to signing in or up inside, or
    /// an author-like element that names a visitor by a generic name.
    private func isVisitorBox(_ index: Int, _ inside: Range<Int>, _ page: Page) -> Bool {
        for i in [index] + Array(inside) {
            guard let href = page.blocks[i].attributes["href"]?.lowercased() else { continue }
            if cues.accountLinkParts.contains(where: { href.contains($0) }) { return true }
        }
        guard let name = authorName(page.text.slice(page.blocks[index].span)) else { return false }
        return name.split(separator: " ").contains { cues.genericNames.contains(Trim.chars($0.lowercased(), ",.!")) }
            && page.blocks[index].tag != "a"
    }

    /// One of a list of members ("Moderators: A, B, C", "Also reading: …"): names beside others in one block are
    /// no poster's byline.
    private func inMemberList(_ index: Int, _ page: Page) -> Bool {
        guard let parent = page.blocks[index].parent else { return false }
        let siblings = page.outline.descendants(of: parent).filter { page.blocks[$0].parent == parent && isAuthorElement($0, page) }
        return siblings.count >= Self.memberListLength
    }

    /// Names in one block that make it a list of members.
    static let memberListLength = 3

    /// Levels above a name signed under a post where its text may stand (the name's element, the signature box, the post).
    static let signatureDepth = 3

    /// Fewest words of an opening post read from between its author element and the posts.
    static let openingWords = 4

    private func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
    }

    /// Inside a menu, a header or footer, a sidebar: names there are the site's, not a poster's.
    func inFurniture(_ index: Int, _ page: Page) -> Bool {
        var current: Int? = index
        while let i = current {
            let tag = page.blocks[i].tag
            if tag == "nav" || tag == "footer" || tag == "aside" || tag == "header" && page.blocks[i].depth <= 3 { return true }
            if page.words[i].classWords.contains(where: { $0.contains { cues.furnitureWords.contains($0) } }) { return true }
            current = page.blocks[i].parent
        }
        return false
    }

    /// Whether an article comes before the posts: paragraphs of prose, not just a title and menus.
    func proseBefore(_ start: Int, _ page: Page) -> Bool {
        var prose = 0
        for i in page.blocks.indices where page.blocks[i].tag == "p" && page.blocks[i].end <= start && !inFurniture(i, page) {
            let length = page.text.trimmed(page.blocks[i].span).length
            if length >= 80 { prose += length }
        }
        return prose >= 400
    }
}

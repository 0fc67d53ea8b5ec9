import Foundation
import Testing
@testable import Ingest
import EvidenceModel

@Suite struct HTMLTextTests {
    private func text(_ html: String) throws -> String {
        try HTMLText.visibleText(of: Array(html.utf8))
    }

    @Test func visibleTextWithTitleFirstAndBlocksOnTheirOwnLines() throws {
        let html = """
        <!DOCTYPE html>
        <html><head><title>Magnesium &amp; Sleep | Example Health</title>
        <meta charset="utf-8"><style>body { color: red }</style>
        <script>var tracking = "<p>not text</p>";</script></head>
        <body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li></ul></nav>
        <h1>Magnesium &amp; Sleep</h1>
        <p class="byline">By <a href="/a/mira">Mira Holt</a> &middot; March 3, 2021</p>
        <p>Magnesium   glycinate is
           well&nbsp;tolerated at 200&#160;mg.<br>It costs &euro;5 &ndash; cheap.</p>
        <noscript>Enable JavaScript</noscript>
        <template><p>hidden</p></template>
        <svg><title>icon</title><text>svg text</text></svg>
        <iframe src="https://ads.example"></iframe>
        <table><tr><td>Dose</td><td>200 mg</td></tr><tr><td>Form</td><td>glycinate</td></tr></table>
        <div>Line one</div><div>Line two</div>
        <pre>keep   these
          spaces</pre>
        </body></html>
        """
        let result = try text(html)
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Magnesium & Sleep | Example Health")
        #expect(result.contains("• Home\n• Shop"))
        #expect(result.contains("\n# Magnesium & Sleep\n"))
        #expect(result.contains("By Mira Holt · March 3, 2021"))
        // A no-break space is a space to the later stages ("200 mg").
        #expect(result.contains("Magnesium glycinate is well tolerated at 200 mg.\nIt costs €5 – cheap."))
        #expect(result.contains("Dose 200 mg\nForm glycinate"))
        #expect(result.contains("Line one\nLine two"))
        #expect(result.contains("keep   these\n  spaces"))
        for hidden in ["color: red", "tracking", "not text", "Enable JavaScript", "hidden", "icon", "svg text", "ads.example"] {
            #expect(!result.contains(hidden), "\(hidden)")
        }
        // Paragraphs are separated by one blank line, never more.
        #expect(!result.contains("\n\n\n"))
    }

    @Test func brokenMarkupIsRecovered() throws {
        let result = try text("<p>Unclosed <b>bold <i>both</p><p>Next &unknown; &lt;tag&gt;<div>Inner")
        #expect(result.contains("Unclosed bold both"))
        #expect(result.contains("Next &unknown; <tag>"))
        #expect(result.contains("Inner"))
    }

    @Test func pageWithoutVisibleTextIsRefused() {
        #expect(throws: ReadError.self) { try text("<html><head><script>x()</script></head><body>   </body></html>") }
        #expect(throws: ReadError.self) { try text("") }
    }

    @Test func hostileMarkupDoesNotCrash() throws {
        let deep = String(repeating: "<div><span>", count: 50_000) + "deep text" + String(repeating: "</span></div>", count: 50_000)
        _ = try? text(deep)
        let hugeAttribute = "<p title=\"" + String(repeating: "a", count: 2_000_000) + "\">after a huge attribute</p>"
        #expect(try text(hugeAttribute).contains("after a huge attribute"))
        let unclosed = String(repeating: "<p><li><td><table>", count: 20_000) + "x"
        _ = try? text(unclosed)
        _ = try? text("<<<>>>&&&;;;<!--<!--<![CDATA[")
    }

    @Test func readerDecodesHTMLFiles() throws {
        let reader = DocumentReader()
        let file = LoadedFile(bytes: Array("<html><body><h2>Q</h2><p>A &gt; B</p></body></html>".utf8), sha256: "")
        #expect(try reader.decode(file, format: .html) == "## Q\n\nA > B\n")
    }

    @Test func htmlPageFlowsIntoRegionsAndSentences() throws {
        let html = try Structure.fixture("wordpress_post.html")
        let string = try text(html)
        let result = try Structure.analyse(string, format: .html)
        #expect(result.metadata.title == "Why I Switched to MK-7")
        #expect(result.comments.count == 3)
        #expect(!result.sentences.contains { $0.region == .body && $0.text.contains("Subscribe") })
    }
}

@Suite struct HTMLOutlineTests {
    @Test func outlineSpansSliceTheVisibleText() throws {
        let html = Array("""
        <html><body><ul class="list"><li class="post" id="p1"><span class="author">ana</span> <div class="body">First post text.</div></li>
        <li class="post" id="p2"><span class="author">ben</span><div class="body">Second <b>post</b>.</div></li></ul></body></html>
        """.utf8)
        let read = try HTMLText.read(html)
        // The outline does not change the text.
        #expect(read.text == (try HTMLText.visibleText(of: html)))
        let outline = try #require(read.outline)
        let text = SourceText(read.text)
        let authors = outline.blocks.filter { $0.classes == ["author"] }.map { Trim.spaces(text.slice($0.span)) }
        #expect(authors == ["ana", "ben"])
        let bodies = outline.blocks.filter { $0.classes == ["body"] }.map { Trim.spaces(text.slice($0.span)) }
        #expect(bodies == ["First post text.", "Second post."])
        // A list item's span starts at its text, after the bullet the text gives it.
        let posts = outline.blocks.indices.filter { outline.blocks[$0].classes == ["post"] }
        #expect(posts.count == 2)
        #expect(text.slice(outline.blocks[posts[0]].span).hasPrefix("ana"))
        #expect(outline.blocks[posts[0]].id == "p1")
        // Nesting: the author span sits inside its post, one level deeper.
        let author = try #require(outline.blocks.firstIndex { $0.classes == ["author"] })
        #expect(outline.blocks[author].parent == posts[0])
        #expect(outline.isInside(author, posts[0]))
        #expect(!outline.isInside(author, posts[1]))
        #expect(outline.blocks[author].depth == outline.blocks[posts[0]].depth + 1)
    }

    @Test func keepsTheAttributesTheCommentStageReads() throws {
        let html = Array("<html><body><div itemprop=\"author\">x</div><time datetime=\"2020-01-02\">Jan 2</time><a href=\"/members/x\" onclick=\"y\">x</a></body></html>".utf8)
        let outline = try #require(try HTMLText.read(html).outline)
        #expect(outline.blocks.contains { $0.attributes["itemprop"] == "author" })
        #expect(outline.blocks.contains { $0.tag == "time" && $0.attributes["datetime"] == "2020-01-02" })
        #expect(outline.blocks.contains { $0.tag == "a" && $0.attributes["href"] == "/members/x" && $0.attributes["onclick"] == nil })
    }
}

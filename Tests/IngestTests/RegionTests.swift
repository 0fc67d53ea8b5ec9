import Foundation
import Testing
@testable import Ingest
import EvidenceModel

@Suite struct RegionTests {
    @Test func regionsCoverTheTextInOrder() throws {
        for string in [try Structure.seed("000"), try Structure.seed("001"), try Structure.seed("003"), "x", "\n\n", "Only a title"] {
            let (text, regions) = try Structure.regions(string)
            #expect(regions.first?.span.start == 0)
            #expect(regions.last?.span.end == text.count)
            for (a, b) in zip(regions, regions.dropFirst()) {
                #expect(a.span.end == b.span.start)
                #expect(a.kind != b.kind)
            }
        }
    }

    @Test func pressReleaseSections() throws {
        let string = """
        Acme Nutrition Launches Study of Magnesium and Arterial Stiffness

        DENVER, May 4, 2023 /PRNewswire/ -- Acme Nutrition today announced the start of a twelve-month trial.
        The trial will enrol 300 adults with stage 3 kidney disease.

        "We think magnesium matters," said Jo Park, CEO of Acme Nutrition.

        About Acme Nutrition
        Acme Nutrition makes mineral supplements sold in 30 countries.

        Media Contact:
        Sam Reyes, press@acme.example

        ###
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "Acme Nutrition Launches", in: text, regions) == .title)
        #expect(Structure.kind(of: "The trial will enrol", in: text, regions) == .body)
        #expect(Structure.kind(of: "\"We think", in: text, regions) == .body)
        #expect(Structure.kind(of: "About Acme", in: text, regions) == .boilerplate)
        #expect(Structure.kind(of: "makes mineral", in: text, regions) == .boilerplate)
        #expect(Structure.kind(of: "Sam Reyes", in: text, regions) == .boilerplate)
    }

    @Test func questionAndAnswerPageFurniture() throws {
        let string = """
        Does calcium from tablets harden the arteries?

        Help us tailor your experience
        Which best describes you? Pick one so we can adjust the wording.
        Review status
        Submitted
        Under Review
        Approved
        Updated: 2 February 2024 View editorial policy
        Share this

        Short answer

        Calcium tablets may raise the risk of arterial calcification in some older adults, although the evidence is mixed.

        Sources
        1. Lee A, et al. Calcium supplements and coronary calcium. Heart J. 2019;12:44-50.

        Disclaimer
        This page is for general information and does not replace advice from your own clinician, who knows your history.

        Have a follow-up question?
        Ask our assistant anything, any time of day.
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "Does calcium", in: text, regions) == .title)
        for furniture in ["Help us tailor", "Which best", "Review status", "Submitted", "Under Review", "Approved", "Share this",
                          "This page is for general", "Ask our assistant", "Have a follow-up"] {
            #expect(Structure.kind(of: furniture, in: text, regions) == .furniture, "\(furniture)")
        }
        #expect(Structure.kind(of: "Updated: 2 February", in: text, regions) == .metadata)
        #expect(Structure.kind(of: "Calcium tablets may", in: text, regions) == .body)
        #expect(Structure.kind(of: "Lee A, et al.", in: text, regions) == .references)
    }

    @Test func wordpressCommentsAfterArticle() throws {
        let string = """
        Why I Take Magnesium at Night
        Posted on June 2, 2021 by Mira Holt

        Magnesium glycinate helps me sleep. Some small trials suggest it lowers blood pressure a little.

        Filed under: Supplements
        Share this:
        Facebook
        Twitter

        3 Comments

        Dan K. says:
        June 3, 2021 at 9:15 am
        Which form do you use?
        Reply

        Mira Holt says:
        June 3, 2021 at 11:02 am
        Glycinate, 200 mg.
        Reply

        Leave a Reply
        Your email address will not be published. Required fields are marked *
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "Posted on June", in: text, regions) == .metadata)
        #expect(Structure.kind(of: "Magnesium glycinate", in: text, regions) == .body)
        #expect(Structure.kind(of: "Filed under", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "Facebook", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "Dan K. says", in: text, regions) == .comments)
        #expect(Structure.kind(of: "Glycinate, 200", in: text, regions) == .comments)
        #expect(Structure.kind(of: "Your email address", in: text, regions) == .furniture)
    }

    @Test func commentsWithoutAHeadingStartAtTheFirstHeaders() throws {
        let string = """
        Natto Every Morning

        I have eaten natto for a year now. My last scan looked the same as before.

        Priya on 4 March 2022
        Did you also take vitamin D?

        Tom | 2022-03-05
        @Priya she did, 1000 IU.
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "I have eaten", in: text, regions) == .body)
        #expect(Structure.kind(of: "Priya on", in: text, regions) == .comments)
        #expect(Structure.kind(of: "1000 IU", in: text, regions) == .comments)
    }

    @Test func menusAndImageCreditsAreFurniture() throws {
        let string = """
        Home
        News
        Health
        Shop
        Contact
        Statins and Heart Valves
        Image | Some Agency/Photographer
        Statins lower cholesterol but do not seem to slow valve calcification in the trials so far.
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "Home", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "Shop", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "Statins and Heart", in: text, regions) == .title)
        #expect(Structure.kind(of: "Image |", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "Statins lower", in: text, regions) == .body)
    }

    @Test func bodyLinesMentioningCuesStayBody() throws {
        let string = """
        A Headline

        The report is available on the journal's website click here under the papers section. About one in three adults takes a supplement.
        Updated guidelines from 2019 recommend checking kidney function first, and the authors said so plainly in their summary.
        """
        let (text, regions) = try Structure.regions(string)
        #expect(Structure.kind(of: "The report", in: text, regions) == .body)
        #expect(Structure.kind(of: "Updated guidelines", in: text, regions) == .body)
    }

    @Test func seedQuestionAndAnswerPage() throws {
        let (text, regions) = try Structure.regions(try Structure.seed("001"))
        #expect(Structure.kind(of: "Can Vitamin K2", in: text, regions) == .title)
        for furniture in ["Medical Advisory Board", "Educational purpose", "Submitted", "Under Review", "Approved", "Personalize",
                          "Help us tailor", "Which best describes", "Professional Medical Disclaimer", "This information is intended",
                          "Have a follow-up question", "Our Medical A.I."] {
            #expect(Structure.kind(of: furniture, in: text, regions) == .furniture, "\(furniture)")
        }
        #expect(Structure.kind(of: "Last updated", in: text, regions) == .metadata)
        #expect(Structure.kind(of: "There is insufficient evidence", in: text, regions) == .body)
        #expect(Structure.kind(of: "The VitaVasK trial", in: text, regions) == .body)
        #expect(Structure.kind(of: "Proper Calcium Use", in: text, regions) == .references)
    }

    @Test func seedBlogPost() throws {
        let (text, regions) = try Structure.regions(try Structure.seed("003"))
        #expect(Structure.kind(of: "Vitamin K2 Shown", in: text, regions) == .title)
        #expect(Structure.kind(of: "19th March 2007", in: text, regions) == .metadata)
        #expect(Structure.kind(of: "today announced", in: text, regions) == .body)
        #expect(Structure.kind(of: "under the tradename", in: text, regions) == .body)
        #expect(Structure.kind(of: "About MenaQ7", in: text, regions) == .boilerplate)
        #expect(Structure.kind(of: "About Natto Pharma", in: text, regions) == .boilerplate)
        #expect(Structure.kind(of: "16 Responses", in: text, regions) == .comments)
        #expect(Structure.kind(of: "Hi Chuck", in: text, regions) == .comments)
        #expect(regions.filter { $0.kind == .body }.count == 1)
    }

    @Test func seedTradePressArticle() throws {
        let (text, regions) = try Structure.regions(try Structure.seed("000"))
        #expect(Structure.kind(of: "Image |", in: text, regions) == .furniture)
        #expect(Structure.kind(of: "In a March 11", in: text, regions) == .body)
        #expect(Structure.kind(of: "CEO of Omicron", in: text, regions) == .body)
    }

    @Test func hostileInputIsSegmentedQuickly() throws {
        let segmenter = try RegionSegmenter()
        let inputs = [
            String(repeating: "Name says:\n", count: 20_000),
            String(repeating: "About X\n###\nReferences\n16 Responses to\n", count: 5_000),
            String(repeating: "a", count: 200_000),
            String(repeating: "\r\n", count: 50_000),
        ]
        for string in inputs {
            let text = SourceText(string)
            let regions = segmenter.segment(text, format: .text)
            #expect(regions.last?.span.end == text.count)
        }
    }

    /// Prints regions and sentences of the seeds when STRUCTURE_DUMP is set; a development aid.
    @Test func dumpSeeds() throws {
        guard let mode = ProcessInfo.processInfo.environment["STRUCTURE_DUMP"] else { return }
        var documents: [(String, String)] = []
        if let path = ProcessInfo.processInfo.environment["STRUCTURE_FILE"] {
            let raw = try String(contentsOfFile: path, encoding: .utf8)
            documents.append((path, path.hasSuffix(".html") ? try HTMLText.visibleText(of: Array(raw.utf8)) : raw))
        } else {
            for prefix in ["000", "001", "003"] { documents.append((prefix, try Structure.seed(prefix))) }
        }
        for (prefix, string) in documents {
            let text = SourceText(string)
            let regions = try RegionSegmenter().segment(text, format: .text)
            print("=== \(prefix)")
            for region in regions {
                print("[\(region.kind.rawValue) \(region.span)] \(text.slice(region.span).prefix(70).replacingOccurrences(of: "\n", with: "⏎"))")
            }
            let analysed = try Structure.analyse(string)
            print(analysed.metadata)
            for comment in analysed.comments {
                print("  #\(comment.number) \(comment.author ?? "null") [\(comment.authorID)] \(comment.date ?? "-") reply=\(comment.replyToIndex.map(String.init) ?? "-") q=\(comment.isQuestion) p=\(comment.isPromotional): \(text.slice(comment.span).prefix(60))")
            }
            if mode == "s" {
                for sentence in try SentenceSplitter().split(text, regions: regions) {
                    print("  \(sentence.paragraph) \(sentence.region.rawValue): \(sentence.text)")
                }
            }
        }
    }

    /// Compares source metadata and comments with the expectations of the pipeline's fixture documents when
    /// STRUCTURE_REPORT is set (those fixtures belong to the golden tests; this is a development aid).
    @Test func reportOnFixtureDocuments() throws {
        guard ProcessInfo.processInfo.environment["STRUCTURE_REPORT"] != nil else { return }
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/documents").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name + ".expected.json"),
                  let expected = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let raw = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let format: DocumentFormat = name.hasSuffix(".html") ? .html : name.hasSuffix(".md") ? .markdown : .text
            let string = format == .html ? try HTMLText.visibleText(of: Array(raw.utf8)) : raw
            let result = try Structure.analyse(string, format: format)
            var problems: [String] = []
            if let source = expected["source"] as? [String: Any] {
                let m = result.metadata
                let got: [String: String] = ["kind": m.kind.rawValue, "title": m.title ?? "nil", "published": m.published ?? "nil",
                                             "author": m.author ?? "nil", "industry_sponsored": String(m.industrySponsored)]
                for (key, value) in got {
                    guard let want = source[key] else { continue }
                    let wantString = want is NSNull ? "nil" : (want as? Bool).map { String($0) } ?? "\(want)"
                    if wantString != value { problems.append("\(key): got \(value) want \(wantString)") }
                }
            }
            let comments = expected["comments"] as? [[String: Any]] ?? []
            if comments.count != result.comments.count { problems.append("comments: got \(result.comments.count) want \(comments.count)") }
            for (want, got) in zip(comments, result.comments) {
                let reply = got.replyToIndex.map { String(result.comments[$0].number) } ?? "nil"
                let values: [String: String] = ["author": got.author ?? "", "author_id": got.authorID, "reply_to": reply,
                                                "is_question": String(got.isQuestion), "is_promotional": String(got.isPromotional)]
                for (key, value) in values {
                    guard let w = want[key] else { continue }
                    var wantString = w is NSNull ? "nil" : key == "reply_to" ? "\(w)" : (w as? Bool).map { String($0) } ?? "\(w)"
                    if let list = w as? [Int] { wantString = list.map(String.init).joined(separator: "|") }
                    let ok = wantString == value || wantString.split(separator: "|").contains { String($0) == value }
                    if !ok { problems.append("comment \(got.number) \(key): got \(value) want \(wantString)") }
                }
            }
            print("== \(name): " + (problems.isEmpty ? "ok" : problems.joined(separator: "; ")))
        }
    }
}

import Foundation
import Testing
@testable import Ingest

@Suite struct MetadataTests {
    @Test func datesInCommonForms() {
        let cases: [(String, String?)] = [
            ("19th March 2007", "2007-03-19"), ("March 11, 2025", "2025-03-11"), ("11 March 2025", "2025-03-11"),
            ("2006-12-07", "2006-12-07"), ("Sept. 19th, 2025", "2025-09-19"), ("3rd of May, 2019", "2019-05-03"),
            ("Jan 3, 2019", "2019-01-03"), ("in April 2024", "2024-04"), ("2019/04/30", "2019-04-30"),
            // Ambiguous numeric dates give only their year; a field over 12 decides; dots are day first.
            ("12/07/2006", "2006"), ("25/07/2006", "2006-07-25"), ("07/25/2006", "2006-07-25"), ("07/07/2006", "2006-07-07"),
            ("07.12.2006", "2006-12-07"),
            ("February 30, 2020", nil), ("may 5 patients", nil), ("2006-13-01", nil),
        ]
        for (string, expected) in cases {
            #expect(DateParser.dates(in: string).first?.iso == expected, "\(string)")
        }
    }

    @Test func seedTradePressArticle() throws {
        let metadata = try Structure.analyse(try Structure.seed("000")).metadata
        #expect(metadata.kind == .newsArticle)
        #expect(metadata.published == "2025-03-11")
        #expect(metadata.industrySponsored)
        #expect(metadata.sponsorEvidence?.contains("press release") == true)
        #expect(metadata.author == nil)
    }

    @Test func seedQuestionAndAnswer() throws {
        let metadata = try Structure.analyse(try Structure.seed("001")).metadata
        #expect(metadata.kind == .medicalQA)
        #expect(metadata.title == "Can Vitamin K2 (Vitamin K2) be used to treat tendon calcification?")
        #expect(metadata.published == "2025-09-19")
        #expect(!metadata.industrySponsored)
        #expect(metadata.sponsorEvidence == nil)
    }

    @Test func seedBlogPost() throws {
        let metadata = try Structure.analyse(try Structure.seed("003")).metadata
        #expect(metadata.kind == .blogPost)
        #expect(metadata.title == "Vitamin K2 Shown to Reverse Arterial Calcifications")
        // The post's own date, not the date of the release it reposts.
        #expect(metadata.published == "2007-03-19")
        #expect(metadata.author == "Arrow Durfee")
        #expect(metadata.industrySponsored)
        #expect(metadata.sponsorEvidence?.contains("today announced") == true)
    }

    @Test func pressReleaseSpeakingForItself() throws {
        let string = """
        Acme Nutrition Launches Magnesium Study

        DENVER, May 4, 2023 /PRNewswire/ -- Acme Nutrition Inc. today announced the start of a twelve-month trial of its MagnaCal® tablets.

        "We think magnesium matters," said Jo Park, CEO of Acme Nutrition.

        About Acme Nutrition
        Acme Nutrition makes mineral supplements sold in 30 countries.

        ###
        """
        let metadata = try Structure.analyse(string).metadata
        #expect(metadata.kind == .pressRelease)
        #expect(metadata.published == "2023-05-04")
        #expect(metadata.title == "Acme Nutrition Launches Magnesium Study")
        #expect(metadata.industrySponsored)
        #expect(metadata.sponsorEvidence?.contains("today announced") == true)
        #expect(metadata.publisher == "Acme Nutrition")
    }

    @Test func abstractWithStructuredLabels() throws {
        let string = """
        Menaquinone-7 and aortic stiffness in kidney transplant recipients: a randomised trial

        Background: Arterial stiffness is common after transplantation.
        Methods: We randomised 60 recipients to 360 µg MK-7 daily or placebo for 8 weeks.
        Results: Pulse wave velocity fell by 0.4 m/s with MK-7 and did not change with placebo.
        Conclusions: MK-7 may reduce arterial stiffness in this group.
        """
        let metadata = try Structure.analyse(string).metadata
        #expect(metadata.kind == .abstract)
        #expect(metadata.title?.hasPrefix("Menaquinone-7 and aortic stiffness") == true)
        #expect(!metadata.industrySponsored)
    }

    @Test func newsArticleWithBylineAndUpdatedDate() throws {
        let string = """
        Statins and Heart Valves: What the New Data Show
        By Maria van der Berg and Tom Yu | Health Desk
        Updated: 2 February 2024

        A trial published on 11 January 2024 found no slowing of valve calcification, researchers said.
        "We hoped for more," said lead author Dr. Ana Ruiz, according to the university.
        """
        let metadata = try Structure.analyse(string).metadata
        #expect(metadata.kind == .newsArticle)
        #expect(metadata.author == "Maria van der Berg")
        #expect(metadata.published == "2024-02-02")
        #expect(!metadata.industrySponsored)
    }

    @Test func htmlTitleWithSiteNameAndCopyright() throws {
        let html = try Structure.fixture("wordpress_post.html")
        let string = try HTMLText.visibleText(of: Array(html.utf8))
        let metadata = try Structure.analyse(string, format: .html).metadata
        #expect(metadata.title == "Why I Switched to MK-7")
        #expect(metadata.kind == .blogPost)
        #expect(metadata.author == "Nell Brandt")
        #expect(metadata.published == "2020-04-02")
        #expect(metadata.publisher == "Calm Kitchen Blog")
    }

    @Test func markdownFrontMatterAndYearOnly() throws {
        let string = """
        ---
        title: "Vitamin D and falls"
        author: Lee Chan
        date: 2018
        ---

        # Vitamin D and falls

        Published 2018. Older adults who took vitamin D fell about as often as those who did not.
        """
        let metadata = try Structure.analyse(string, format: .markdown).metadata
        #expect(metadata.title == "Vitamin D and falls")
        #expect(metadata.author == "Lee Chan")
    }

    @Test func sponsorshipFromTradeNameAndExecutiveQuote() throws {
        let tradeName = "Gut Health News\n\nThe firm sells a probiotic under the tradename FloraMax in Europe. Doctors were cautious.\n"
        #expect(try Structure.analyse(tradeName).metadata.sponsorEvidence?.contains("under the tradename") == true)
        let executive = "New Data on K2\n\n\"This confirms our approach,\" said Lena Ott, head of scientific affairs at Vitara Nutrition.\n"
        #expect(try Structure.analyse(executive).metadata.industrySponsored)
        let hospital = "Hospital Expands\n\n\"We are growing,\" said Sam Ng, president of the city hospital board.\n"
        #expect(try !Structure.analyse(hospital).metadata.industrySponsored)
    }
}

import Testing
@testable import Ingest
import EvidenceModel

/// Source kind, title, date and sponsorship on documents written for these tests, one class of failure each.
@Suite struct SourceFieldTests {
    func metadata(_ string: String, format: DocumentFormat = .text) throws -> SourceMetadata {
        try Structure.analyse(string, format: format).metadata
    }

    /// Through the whole pipeline, so that a discussion's structure is seen.
    func extracted(_ string: String, format: DocumentFormat = .text) throws -> SourceMetadata {
        try SharedPipeline.get().extract(file: "t.txt", text: string, sha256: "", format: format).source.metadata
    }

    static let universityRelease = """
        Walking after meals linked to steadier blood sugar

        A team at the Northfield University School of Medicine has found that a ten-minute walk after each meal \
        lowered blood sugar peaks in adults with prediabetes.

        "The effect was larger than we expected," said Dr. Ines Moreau, professor of medicine at Northfield.

        The 120 volunteers walked after lunch and dinner for twelve weeks, said co-author Sam Otieno.

        """

    @Test func aReleaseEndsWithItsMarkerLine() throws {
        #expect(try metadata(Self.universityRelease + "###\n\nThe study was paid for by a national grant.\n").kind == .pressRelease)
        #expect(try metadata(Self.universityRelease + "More on the trial at the school's site. # # #\n").kind == .pressRelease)
        // A Markdown heading of three levels is no end marker.
        #expect(try metadata(Self.universityRelease + "### Methods\n\nVolunteers wore monitors.\n").kind != .pressRelease)
    }

    @Test func embargoLinesMarkARelease() throws {
        let text = "Tea and memory\n\nEMBARGOED FOR RELEASE UNTIL 9 A.M. ET\n\nOlder adults who drank green tea scored higher on memory tests, said Dr. Lu.\n\nThe cohort was followed for six years, Lu said.\n"
        #expect(try metadata(text).kind == .pressRelease)
    }

    @Test func independentCommentAndAgenciesMarkNews() throws {
        let withExpert = Self.universityRelease + "\"It is a small study,\" said Dr. Kay Ellis, who was not involved in the study.\n\n###\n"
        #expect(try metadata(withExpert).kind == .newsArticle)
        let agency = "Coffee and gout\n\nLONDON (Reuters Health) - People who drank coffee had fewer gout attacks, researchers said on Monday.\n\nThe link held after adjusting for weight, they said.\n"
        #expect(try metadata(agency).kind == .newsArticle)
    }

    @Test func aThreadWithAPosterHeaderIsAForumAndKeepsItsOpeningDate() throws {
        let thread = """
            Does anyone else get cramps on magnesium?

            riverstone88
            2019-03-04T10:12+00:00

            I started magnesium citrate last month and now get stomach cramps every evening. Anyone else?

            hollyhock
            2019-03-06T08:40+00:00

            Same here. Switching to glycinate helped me within a week.

            m_barnes
            2020-11-21T19:02+00:00

            Try taking it with food, my pharmacist said that usually settles it.
            """
        let metadata = try extracted(thread)
        #expect(metadata.kind == .forumThread)
        #expect(metadata.published == "2019-03-04")
        #expect(metadata.title == "Does anyone else get cramps on magnesium?")
        #expect(!metadata.industrySponsored)
    }

    @Test func figureDatesTakeTheOrderThePageShows() {
        #expect(NumericDate.order(in: "posted 10-04-2017 … reply 10-31-2017") == .monthFirst)
        #expect(NumericDate.order(in: "posted 04/10/2017 … reply 31/10/2017") == .dayFirst)
        #expect(NumericDate.order(in: "posted 10-04-2017 … reply 11-11-2017") == nil)
        #expect(NumericDate.first(in: "Posted 10-04-2017, 11:00 AM", order: .monthFirst) == "2017-10-04")
        #expect(NumericDate.first(in: "Posted 10-04-2017, 11:00 AM", order: .dayFirst) == "2017-04-10")
        #expect(NumericDate.first(in: "call 555-0100-2017 now", order: .monthFirst) == nil)
    }

    @Test func moreDateForms() {
        #expect(DateParser.dates(in: "By Ana Diaz | 12-Feb-2024 | Updated").first?.iso == "2024-02-12")
        #expect(DateParser.dates(in: "Epub 2021 Jan 18.").first?.iso == "2021-01-18")
        #expect(DateParser.dates(in: "Nutr Rev. 2021 Mar;14(3):211-219.").first?.iso != "2021-03-14")
    }

    @Test func theBylineDateOutranksALaterUpdate() throws {
        let text = "Calcium and kidney stones\nBy Ana Diaz | 12 February 2024 | Last updated 13 February 2024\n\nA cohort of nurses found no link, the authors said. Dr. Li said more work is needed.\n"
        #expect(try metadata(text).published == "2024-02-12")
    }

    @Test func siteAndSectionNamesAreCutFromTheTitle() {
        #expect(MetadataExtractor.isSiteName("Health A to Z"))
        #expect(MetadataExtractor.isSiteName("Riverside Hospitals"))
        #expect(MetadataExtractor.isSiteName("example.org"))
        #expect(!MetadataExtractor.isSiteName("cut or not cut"))
        #expect(!MetadataExtractor.isSiteName("Does It Help?"))
    }

    @Test func aTitleRegionsHeadingWinsOverItsNavigationBar() {
        let region = "[Q&A Hub](/) · Questions · Tags · Users\n\n# Is zinc safe with antibiotics?"
        #expect(MetadataExtractor.titleLine(region) == "# Is zinc safe with antibiotics?")
        #expect(MetadataExtractor.titleLine("One line only") == "One line only")
        #expect(MetadataExtractor.titleLine("Fish oil and a racing heart \u{AB} Pulse Notes\n\n## Pulse Notes") == "Fish oil and a racing heart \u{AB} Pulse Notes")
    }

    @Test func aUniversitysAboutSectionIsNoSponsorship() throws {
        let text = Self.universityRelease + "###\n\nAbout Northfield University\nNorthfield University is a public research university with 30,000 students.\n"
        let found = try metadata(text)
        #expect(found.kind == .pressRelease)
        #expect(!found.industrySponsored)
    }

    @Test func aResearchersTiesAreNoSponsorship() throws {
        let text = "Nicotinamide and skin\n\nDr. Pia Holm is a consultant to Dermaxa Labs, which sells the vitamin under the trade name DermaB3®. The trial enrolled 80 adults, Holm said.\n"
        #expect(try !metadata(text).industrySponsored)
        let society = "Diabetes drug trial\n\n\"It is good news,\" said Omar Reed, president of the Northern Diabetes Association. The drug cut deaths, he said.\n"
        #expect(try !metadata(society).industrySponsored)
    }

    @Test func aTradeBodysReleaseIsSponsored() throws {
        let text = "Almonds and cholesterol\n\nThe Western Almond Board today announced results of a trial it funded on almonds and LDL cholesterol.\n"
        #expect(try metadata(text).industrySponsored)
    }
}

import Testing
@testable import Ingest
import EvidenceModel

/// Kinds told by the form of a sentence when no cue of any kind list is in it: a count of people touched in a
/// year is epidemiology, a number compared between groups told apart by what they were given is a treatment's
/// result, and a plain description stays `other`. Sentences written for these tests.
@Suite("Claim kinds from the form of a sentence without cues")
struct ClaimKindFormTests {
    static func kind(_ sentence: String) throws -> ClaimKind? {
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: "Notes on supplements\n\n" + sentence + "\n", sha256: "", format: .text)
        return extraction.claims.first?.kind
    }

    @Test("how many people a condition touches in a year is epidemiology")
    func countPerYear() throws {
        #expect(try Self.kind("Migraine sends about 40,000 people to emergency rooms in the region each year.") == .epidemiology)
    }

    @Test("a number compared between groups that were given different things is efficacy")
    func armsCompared() throws {
        let arms = "Migraine came back in 12 percent of the women given magnesium, compared with 30 percent of those on a placebo."
        #expect(try Self.kind(arms) == .efficacy)
    }

    @Test("without such a form, a sentence without cues stays other, numbers and comparisons included")
    func plainStaysOther() throws {
        #expect(try Self.kind("Magnesium tablets are white and round and taste faintly of chalk.") == .other)
        // A comparison and numbers, but no group given anything: no result of a treatment.
        #expect(try Self.kind("Magnesium tablets come in packs of 30, compared with packs of 60 for the powder.") == .other)
    }
}

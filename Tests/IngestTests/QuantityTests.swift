import Testing
@testable import Ingest
import EvidenceModel

/// The quantity extractor on sentences written for these tests.
@Suite struct QuantityTests {
    static let extractor: QuantityExtractor? = try? QuantityExtractor()

    func extractor() throws -> QuantityExtractor { try #require(Self.extractor) }

    func doses(_ sentence: String) throws -> [Dose] {
        let text = SourceText(sentence)
        let found = try extractor().doses(in: text, span: text.fullSpan)
        for dose in found { #expect(text.slice(dose.span) == dose.text) }
        return found
    }

    func perDay(_ sentence: String) throws -> Double? { try doses(sentence).first?.mcgPerDay }

    // MARK: Doses

    @Test func unitSpellings() throws {
        #expect(try perDay("He takes 100 mcg daily.") == 100)
        #expect(try perDay("He takes 100 \u{00B5}g daily.") == 100)
        #expect(try perDay("He takes 100 \u{03BC}g daily.") == 100)
        #expect(try perDay("He takes 100 ug daily.") == 100)
        #expect(try perDay("He takes 100 micrograms daily.") == 100)
        #expect(try perDay("She was given 5 mg daily.") == 5_000)
        #expect(try perDay("She was given 5 milligrams daily.") == 5_000)
        #expect(try perDay("Up to 2 g daily was allowed.") == 2_000_000)
        #expect(try perDay("Up to 2 grams daily was allowed.") == 2_000_000)
    }

    @Test func gluedAndPluralUnits() throws {
        #expect(try perDay("My husband swallows 45mcg per day.") == 45)
        #expect(try perDay("The label says 45 micrograms/day.") == 45)
        let statin = try doses("I have taken 20 mgs of a statin.")
        #expect(statin.first?.text == "20 mgs")
        #expect(statin.first?.mcgPerAdministration == 20_000)
        #expect(statin.first?.mcgPerDay == nil)
    }

    @Test func frequencies() throws {
        #expect(try perDay("Take 100 mcg a day.") == 100)
        #expect(try perDay("Take 100 mcg /day.") == 100)
        #expect(try perDay("Take 100 mcg/d with food.") == 100)
        #expect(try perDay("Take 100 mcg each day.") == 100)
        #expect(try perDay("Take 100 mcg twice a day.") == 200)
        #expect(try perDay("Take 100 mcg twice daily.") == 200)
        #expect(try perDay("Take 100 mcg 2 x day.") == 200)
        #expect(try perDay("Take 100 mcg two times a day.") == 200)
        #expect(try perDay("Take 7 mg three times a week.") == 3_000)
        #expect(try perDay("Take 700 mcg per week.") == 100)
        #expect(try perDay("Take 700 mcg weekly.") == 100)
        #expect(try perDay("Take 100 mcg every other day.") == 50)
        #expect(try perDay("Take 100 mcg in the am and pm.") == 200)
    }

    @Test func contractExamples() throws {
        #expect(try perDay("The dose was 45 mg/day.") == 45_000)
        let weekly = try #require(try perDay("The dose was 5 mg three times a week."))
        #expect(abs(weekly - 2142.857143) < 0.001)
        #expect(try perDay("The dose was 2 x 90 mcg twice daily.") == 360)
    }

    @Test func pillCounts() throws {
        let found = try doses("Every morning I swallow 2 90 mcg capsules two times a day with juice.")
        #expect(found.first?.mcgPerDay == 360)
        #expect(found.first?.text == "2 90 mcg capsules two times a day")
        #expect(try perDay("When it is bad, raise it to 3 grams 2 x day.") == 6_000_000)
    }

    @Test func aFrequencyAFewWordsOnOrBefore() throws {
        #expect(try perDay("They received 180 mcg of menaquinone-7 daily.") == 180)
        #expect(try perDay("Each had a daily dose of 180 mcg.") == 180)
    }

    @Test func amountWithoutFrequency() throws {
        let found = try doses("Capsules usually hold 90mcg.")
        #expect(found.count == 1)
        #expect(found.first?.mcgPerDay == nil)
        #expect(found.first?.mcgPerAdministration == 90)
    }

    @Test func rangesKeepTheirTextAndGiveNoSingleValue() throws {
        let text = SourceText("Trials have used 100-300 \u{03BC}g daily for several years.")
        let extractor = try extractor()
        let found = extractor.doses(in: text, span: text.fullSpan)
        #expect(found.first?.text == "100-300 \u{03BC}g daily")
        #expect(found.first?.mcgPerDay == nil)
        let range = extractor.doseRanges(in: text, span: text.fullSpan).first
        #expect(range?.lowMcgPerDay == 100)
        #expect(range?.highMcgPerDay == 300)
        #expect(try doses("Between 100 to 300 mcg were tested.").first?.text == "100 to 300 mcg")
    }

    @Test func internationalUnits() throws {
        #expect(try perDay("He adds 2000 IU of vitamin D3 daily.") == 50)
        #expect(try perDay("He adds vitamin D, 4,000 IU per day.") == 100)
        let unknown = try doses("She takes 400 IU of vitamin E daily.")
        #expect(unknown.first?.mcgPerDay == nil)
        #expect(unknown.first?.text == "400 IU of vitamin E daily")
    }

    @Test func levelsAreNotDoses() throws {
        #expect(try doses("Serum calcium was 2.5 mg/dL at baseline.").isEmpty)
        #expect(try doses("Warfarin turned the K2 90 into nothing.").isEmpty)
    }

    // MARK: Durations

    func days(_ sentence: String) throws -> [Double] {
        let text = SourceText(sentence)
        let found = try extractor().durations(in: text, span: text.fullSpan)
        for duration in found { #expect(text.slice(duration.span) == duration.text) }
        return found.map(\.days)
    }

    @Test func durationsInDays() throws {
        #expect(try days("The pilot lasted six weeks.") == [42])
        #expect(try days("Women were followed for 10 years.") == [3652.5])
        #expect(try days("It was an 18 months programme.") == [540])
        #expect(try days("Symptoms eased within three days.") == [3])
        #expect(try days("He kept it up for a year.") == [365.25])
        #expect(try days("One month later the pain had gone.") == [30])
        #expect(try days("The wound was closed by the third month.") == [90])
        #expect(try days("A 12-week trial followed.") == [84])
        #expect(try days("Patients were seen 6 to 12 months after surgery.") == [360])
    }

    @Test func durationsSkipAgesAndFrequencies() throws {
        #expect(try days("A 52-year-old man enrolled.") == [])
        #expect(try days("He was 70 years old.") == [])
        #expect(try days("She needs 100 mcg a day.") == [])
        #expect(try days("Their mean age was 71 \u{00B1} 6 years.") == [])
        #expect(try days("Adults aged 60 years or more took part.") == [])
    }

    @Test func durationSpanOfOrdinal() throws {
        let text = SourceText("Healing was complete by the second week.")
        let found = try extractor().durations(in: text, span: text.fullSpan)
        #expect(found.first?.text == "by the second week")
        #expect(found.first?.days == 14)
    }

    // MARK: Sample sizes

    func samples(_ sentence: String) throws -> [SampleSize] {
        let text = SourceText(sentence)
        let found = try extractor().sampleSizes(in: text, span: text.fullSpan)
        for sample in found { #expect(text.slice(sample.span) == sample.text) }
        return found
    }

    @Test func sampleSizes() throws {
        let elderly = try samples("The survey covered 2,350 elderly residents of one town.")
        #expect(elderly.first?.size == 2350)
        #expect(elderly.first?.population == "elderly residents")
        let one = try samples("The report describes one 61-year-old man with leg ulcers.")
        #expect(one.first?.size == 1)
        #expect(one.first?.population == "man")
        #expect(one.first?.text == "one 61-year-old man")
        #expect(try samples("We enrolled 48 patients.").first?.size == 48)
        #expect(try samples("The trial (n = 212) was stopped.").first?.size == 212)
        #expect(try samples("It drew on a cohort of 1,500 adults.").first?.size == 1500)
        #expect(try samples("Forty healthy volunteers took part.").first?.size == 40)
    }

    @Test("a count and its noun in one compound: 'a 45-patient trial'")
    func compoundSampleSize() throws {
        let trial = try samples("It was a 45-patient trial of a new inhaler.")
        #expect(trial.first?.size == 45)
        #expect(trial.first?.population == "patient")
        #expect(try samples("A 1,200-person survey asked about sleep.").first?.size == 1200)
        // A length or a dose in a compound is no count of people.
        #expect(try samples("It was a 12-week trial of a new inhaler.").isEmpty)
        #expect(try samples("They took a 500-mg tablet.").isEmpty)
    }

    @Test func samplesAreNotDosesOrYears() throws {
        #expect(try samples("They took 90 mcg of it.").isEmpty)
        #expect(try samples("In 2012 patients were asked again.").isEmpty)
        #expect(try samples("The animals were split into three groups.").isEmpty)
        #expect(try samples("It lasted 10 years in all.").isEmpty)
    }

    // MARK: Ages

    func years(_ sentence: String) throws -> [Double] {
        let text = SourceText(sentence)
        let found = try extractor().ages(in: text, span: text.fullSpan)
        for age in found { #expect(text.slice(age.span) == age.text) }
        return found.map(\.years)
    }

    @Test func ages() throws {
        #expect(try years("A 52-year-old man enrolled.") == [52])
        #expect(try years("My father is 81 years old.") == [81])
        #expect(try years("Adults aged 70 and over were invited.") == [70])
        #expect(try years("Everyone over 60 years of age qualified.") == [60])
        #expect(try years("I'm only 29, and already worried.") == [29])
        #expect(try years("I\u{2019}m just 44 and fit.") == [44])
        #expect(try years("The mean age of 58 was typical.") == [58])
        #expect(try years("I'm 5 grams short.") == [])
        #expect(try years("Their mean age was 71 \u{00B1} 6 years.") == [71])
        #expect(try years("Only those aged \u{2265}60 years took part.") == [60])
    }

    // MARK: Effect sizes

    func effects(_ sentence: String) throws -> [EffectSize] {
        let text = SourceText(sentence)
        let found = try extractor().effects(in: text, span: text.fullSpan)
        for effect in found { #expect(text.slice(effect.span) == effect.text) }
        return found
    }

    @Test func percentEffects() throws {
        let less = try effects("The treated arm showed 41% less progression than placebo.")
        #expect(less.first?.text == "41% less progression")
        #expect(less.first?.percent == 41)
        let over = try effects("There was an over 22 % reduction of deposits.")
        #expect(over.first?.text == "over 22 % reduction")
        #expect(over.first?.percent == 22)
        #expect(try effects("It brought a 30% decreased risk.").first?.percent == 30)
        #expect(try effects("Calcium scores were reduced by 18%.").first?.text == "reduced by 18%")
        #expect(try effects("A 12 percent lower rate was seen.").first?.percent == 12)
    }

    @Test func fractionsAndRatios() throws {
        let third = try effects("Deaths were reduced by a third.")
        #expect(third.first?.text == "reduced by a third")
        #expect(abs((third.first?.percent ?? 0) - 33.333333) < 0.001)
        let ratio = try effects("Fracture risk fell (hazard ratio 0.61; 95% CI 0.4 to 0.9).")
        #expect(ratio.first?.text == "hazard ratio 0.61")
        #expect(ratio.first?.percent == nil)
        #expect(try effects("The HR was 0.72 overall.").first?.text == "HR was 0.72")
    }

    @Test func percentagesWithoutChangeAreNotEffects() throws {
        #expect(try effects("Yearly mortality is 30-60% in this group.").isEmpty)
        #expect(try effects("We report the 95% CI throughout.").isEmpty)
        #expect(try effects("About 12% of adults are affected.").isEmpty)
    }

    // MARK: Numbers

    @Test func numberWordsAndSeparators() throws {
        #expect(try samples("Twenty-five women joined.").first?.size == 25)
        #expect(try samples("One hundred and twenty men joined.").first?.size == 120)
        #expect(try samples("Some 12,400 participants joined.").first?.size == 12_400)
        #expect(try perDay("A 1.5 mg tablet daily.") == 1_500)
    }

    @Test func spansStayInsideTheGivenSpan() throws {
        let text = SourceText("Take 10 mg daily. Then 20 mg daily.")
        let found = try extractor().doses(in: text, span: TextSpan(18, text.count))
        #expect(found.map(\.text) == ["20 mg daily"])
    }
}

/// Dose phrasings of news reports (written for these tests).
@Suite struct DosePhrasingTests {
    func perDay(_ sentence: String) throws -> [Double?] {
        let text = SourceText(sentence)
        let extractor = try #require(QuantityTests.extractor)
        return extractor.doses(in: text, span: text.fullSpan).map(\.mcgPerDay)
    }

    @Test func abbreviationInBrackets() throws {
        #expect(try perDay("They took 800 international units (IU) of vitamin D per day.") == [20])
    }

    @Test func frequencyPastTheOtherArm() throws {
        #expect(try perDay("Recruits took 400 IU of vitamin D or inactive placebo pills every day.") == [10])
    }

    @Test func frequencySharedByAList() throws {
        #expect(try perDay("The milk gave 1000 mg of calcium and 800 IU of vitamin D per day.") == [1_000_000, 20])
    }

    @Test func everydayAndMonthly() throws {
        #expect(try perDay("Adults took 2,000 IU of vitamin D everyday.") == [50])
        #expect(try perDay("Residents got 100,000 units of vitamin D monthly.").first??.rounded() == 83)
        #expect(try perDay("Each took a daily 1,000 mg pill.") == [1_000_000])
        #expect(try perDay("Patients took 4,000 IU of vitamin D a day.") == [100])
    }
}

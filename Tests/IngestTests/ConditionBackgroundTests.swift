import Testing
@testable import Ingest
import EvidenceModel

/// What a one-study document's background sentences give its study (nothing), and conditions the lexicon now
/// tells apart, in sentences of our own.
@Suite struct ConditionBackgroundTests {
    static func study(_ text: String) throws -> ExtractedStudy {
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: text, sha256: "", format: .text)
        #expect(extraction.studies.count == 1)
        return try #require(extraction.studies.first)
    }

    @Test("a disease named only where the story says how common it is does not become the study's")
    func prevalenceSentenceIsBackground() throws {
        let study = try Self.study("""
            Beetroot juice and stamina

            In a randomised trial of 90 cyclists, beetroot juice taken for six weeks improved endurance.

            Heart failure affects millions of people each year.

            The riders who drank the juice also reported less fatigue at the end of the study.
            """)
        #expect(study.conditionIDs.contains("fatigue"))
        #expect(!study.conditionIDs.contains("heart-failure"))
    }

    @Test("what other research found and what a disease does in general are background")
    func otherResearchAndGeneralStatementsAreBackground() throws {
        let study = try Self.study("""
            Walking after meals

            In a trial of 150 adults, a short walk after dinner lowered blood sugar over 12 weeks.

            Previous studies have linked long sitting to gout.

            Poor sleep can cause weight gain in older people.

            The walkers also had fewer headaches during the trial.
            """)
        #expect(study.conditionIDs.contains("blood-glucose"))
        #expect(study.conditionIDs.contains("headache"))
        #expect(!study.conditionIDs.contains("gout"))
        #expect(!study.conditionIDs.contains("sleep-problems"))
    }

    @Test("a condition given as an example after 'diseases such as' is not the study's topic")
    func examplesAfterAGenericNounAreBackground() throws {
        let study = try Self.study("""
            Green tea extract trial

            A randomised trial of 200 women found that green tea extract did not change body weight over a year.

            The extract has been sold for decades for conditions such as psoriasis and acne.

            Nausea was more frequent in the extract group.
            """)
        #expect(study.conditionIDs.contains("nausea"))
        for id in ["psoriasis", "acne"] { #expect(!study.conditionIDs.contains(id), "\(id) is only an example") }
    }

    @Test("a side-effect list is a result even when it says what is most common")
    func sideEffectListsStayResults() throws {
        let study = try Self.study("""
            Patch trial

            A nicotine patch helped 300 smokers in a randomised trial lasting three months.

            The most common side effects were skin rash and insomnia.
            """)
        #expect(study.conditionIDs.contains("insomnia"))
    }

    @Test("the cues are read from the lexicon, and with none every mention counts as before")
    func cuesComeFromTheLexicon() throws {
        let cues = try DocumentConditionCues.load()
        #expect(!cues.background.isEmpty && !cues.adverse.isEmpty && !cues.exampleHeads.isEmpty)
        let pipeline = try SharedPipeline.get()
        let document = pipeline.analyze(SourceText("Trial\n\nGout affects many men each year.\n"), format: .text)
        var bare = [ExtractedStudy(identityKey: "k", conditionIDs: [])]
        DocumentConditions(lexicon: pipeline.lexicon).apply(to: &bare, document)
        #expect(bare[0].conditionIDs == ["gout"])
        var read = [ExtractedStudy(identityKey: "k", conditionIDs: [])]
        DocumentConditions(lexicon: pipeline.lexicon, cues: cues).apply(to: &read, document)
        #expect(read[0].conditionIDs.isEmpty)
    }

    @Test("outcomes the lexicon now tells apart from a broader or a wrong concept")
    func newConcepts() throws {
        let pipeline = try SharedPipeline.get()
        func ids(_ sentence: String) -> [String] {
            let text = SourceText(sentence)
            return pipeline.concepts.mentions(in: text, span: text.fullSpan).map(\.conceptID)
        }
        let lexicon = pipeline.lexicon
        let pairs = [("Spatial memory was tested in a maze.", "spatial-memory", "memory"),
                     ("Working memory scores rose.", "working-memory", "memory"),
                     ("Waist size shrank by two inches.", "waist-circumference", "body-composition"),
                     ("Nicotine cravings eased.", "cigarette-craving", "smoking"),
                     ("Blood loss was lower with the robot.", "blood-loss", "bleeding"),
                     ("A rapid heart rate was reported.", "tachycardia", "arrhythmia"),
                     ("School absences fell.", "school-absence", "absenteeism"),
                     ("Burn injuries healed faster.", "burns", "injuries"),
                     ("The cancer had spread to the bones.", "metastatic-cancer", "cancer")]
        for (sentence, id, broader) in pairs {
            #expect(ids(sentence) == [id], "\(sentence)")
            #expect(lexicon.ancestors(of: id).contains(broader), "\(id) under \(broader)")
        }
        // Cravings alone belong to a drug or to cigarettes, not to appetite; food cravings are still appetite.
        #expect(ids("Her cravings grew.") == ["craving"])
        #expect(ids("Food cravings grew.") == ["appetite"])
        // Burns are no pressure ulcers.
        #expect(!lexicon.ancestors(of: "burns").contains("pressure-ulcers"))
        #expect(ids("The operative time was longer.") == ["operative-time"])
    }

    @Test("with several studies, a condition the story keeps naming is each study's topic")
    func repeatedConditionIsEveryStudysTopic() throws {
        let text = """
            Two trials of a nasal spray for migraine

            Migraine keeps many people from work.

            In the first randomised trial, 500 adults with migraine used the spray or a dummy spray for three \
            months, and the spray group had two fewer attack days a month.

            A second trial, in 120 teenagers, found the spray eased nausea within an hour.

            Doctors said migraine sufferers may soon have another option.
            """
        let extraction = try SharedPipeline.get().extract(file: "t.txt", text: text, sha256: "", format: .text)
        #expect(extraction.studies.count == 2)
        for study in extraction.studies { #expect(study.conditionIDs.contains("migraine"), "\(study.conditionIDs)") }
        // Nausea, named once in one study's sentence, stays with that study.
        #expect(extraction.studies.filter { $0.conditionIDs.contains("nausea") }.count == 1)
    }

    @Test("with several studies, a condition named often but only in background is nobody's topic")
    func repeatedBackgroundIsNoTopic() throws {
        let pipeline = try SharedPipeline.get()
        let document = pipeline.analyze(SourceText("""
            Two trials

            Asthma affects millions of children each year. Previous studies have linked asthma to mould. \
            Asthma is a risk factor for pneumonia. Asthma affects many adults too.
            """), format: .text)
        var studies = [ExtractedStudy(identityKey: "a", conditionIDs: ["fatigue"], mentions: [TextSpan(0, 3)]),
                       ExtractedStudy(identityKey: "b", conditionIDs: [], mentions: [TextSpan(0, 3)])]
        DocumentConditions(lexicon: pipeline.lexicon, cues: try DocumentConditionCues.load()).apply(to: &studies, document)
        #expect(studies[0].conditionIDs == ["fatigue"])
        #expect(studies[1].conditionIDs.isEmpty)
        // Without the cues the same four mentions make the topic.
        DocumentConditions(lexicon: pipeline.lexicon).apply(to: &studies, document)
        #expect(studies[1].conditionIDs == ["asthma"])
    }
}

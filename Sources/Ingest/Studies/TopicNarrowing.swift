import EvidenceModel
/// A study given a general condition ("headache days", "less diarrhoea") in a document whose headline names
/// one narrower kind of it ("migraine", "antibiotic-associated diarrhoea") is about that kind: the narrower
/// condition is added beside the general one. When the headline names two narrower kinds of it ("prostate
/// cancer", "lung cancer"), or the study already names a narrower kind of its own that is not under the
/// headline's ("colorectal cancer" under a lung-cancer headline), the general condition stays as it is.
struct TopicNarrowing: Sendable {
    let lexicon: Lexicon

    func narrow(_ studies: inout [ExtractedStudy], _ drafts: [StudyDraft], _ context: StudyContext) {
        let topic = context.titleConditionIDs
        guard !topic.isEmpty else { return }
        let ancestors = Dictionary(topic.map { ($0, lexicon.ancestors(of: $0)) }) { first, _ in first }
        for index in studies.indices where drafts.indices.contains(index) && drafts[index].reference == nil && !drafts[index].isGroup {
            var added: [String] = []
            let own = studies[index].conditionIDs
            for condition in own {
                let narrower = topic.filter { ancestors[$0]?.contains(condition) == true }
                guard narrower.count == 1, let kind = narrower.first,
                      !studies[index].conditionIDs.contains(kind), !added.contains(kind) else { continue }
                // The study's own narrower kinds must lie under the headline's ("C. difficile infection" under
                // antibiotic-associated diarrhoea); another kind ("colorectal cancer" under a lung-cancer headline) keeps it.
                let ownNarrower = own.filter { lexicon.ancestors(of: $0).contains(condition) }
                guard ownNarrower.allSatisfy({ lexicon.ancestors(of: $0).contains(kind) }) else { continue }
                added.append(kind)
            }
            guard !added.isEmpty else { continue }
            studies[index].conditionIDs += added
            studies[index].identityKey = StudyIdentity.key(studies[index])
        }
    }
}

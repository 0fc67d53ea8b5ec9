import EvidenceModel
/// A broader outcome word read as the narrower condition it refers back to: "the calcifications kept growing"
/// in a study of arterial calcification is arterial calcification, "headache days" on a page headed by migraine
/// is migraine.
///
/// A general word is narrowed only as an anaphor is resolved: to the one narrower condition of the study (its
/// conditions carry the headline's kind, which the study stage adds) that the text named before the word, else
/// to the one the title names. When the broader word comes first ("lowered the risk of cancer", and only later
/// "prostate cancer"), or two narrower kinds are candidates, it keeps its name: the broader outcome is then what
/// the text reports, and a narrower one beside it is a separate outcome.
struct OutcomeNarrowing: Sendable {
    /// The candidates: the study's conditions (its own, and the headline's kind the study stage adds), then the
    /// title's.
    let conditions: [String]
    let titleConditions: [String]
    /// Where the document names each condition (character offsets, ascending; the title counts as -1).
    let namedAt: [String: [Int]]
    /// "other", "any", "overall": a broader word after one of these means the whole, not a kind named before
    /// ("no difference in prostate cancer; other cancers fell").
    let wholeMarkers: Set<String>

    static let none = OutcomeNarrowing(conditions: [], titleConditions: [], namedAt: [:], wholeMarkers: [])

    /// The offsets at which the document names each condition, the title counting before everything.
    static func namedAt(_ context: StudyContext) -> [String: [Int]] {
        var at: [String: [Int]] = [:]
        for sentence in context.document.sentences where sentence.region == .body || sentence.region == .title {
            for mention in context.concepts.inside(sentence.span) where context.type(mention) == .condition {
                at[mention.conceptID, default: []].append(sentence.region == .title ? -1 : mention.span.start)
            }
        }
        return at.mapValues { $0.sorted() }
    }

    /// The one narrower kind of `outcome` among `candidates` named before `position`; nil when none or several
    /// are. A chain of narrower kinds ("colorectal cancer", "colon cancer") counts as its narrowest one.
    private func referent(of outcome: String, before position: Int, among candidates: [String], besides outcomes: [String],
                          _ lexicon: Lexicon) -> String? {
        let named = candidates.filter { id in
            id != outcome && !outcomes.contains(id) && lexicon.ancestors(of: id).contains(outcome)
                && (namedAt[id]?.first.map { $0 < position } ?? false)
        }
        let narrowest = named.filter { id in !named.contains { $0 != id && lexicon.ancestors(of: $0).contains(id) } }
        return narrowest.count == 1 ? narrowest[0] : nil
    }

    /// `outcomes` of one clause, each narrowed where its mention in the clause stands; an outcome the clause does
    /// not name (the study's, for "the lesions healed") where the clause ends, since all of it came before. A
    /// narrower condition named in that same clause ("diarrhoea or C. difficile infection") is another outcome,
    /// not the broader word's referent.
    func narrowed(_ outcomes: [String], in sentence: StudySentence, _ clause: Range<Int>, _ context: StudyContext) -> [String] {
        let lexicon = context.lexicon
        let named = sentence.mentions(in: clause, type: .condition, context)
        var result: [String] = []
        for outcome in outcomes {
            var specific = outcome
            let mention = named.first { $0.mention.conceptID == outcome }
            let marked = mention.map { $0.token > 0 && wholeMarkers.contains(sentence.tokens[$0.token - 1].lower) } ?? false
            let position = mention?.mention.span.start ?? sentence.clauseSpan(clause).end
            if !marked, let referent = referent(of: outcome, before: position, among: conditions, besides: outcomes, lexicon)
                ?? referent(of: outcome, before: position, among: titleConditions, besides: outcomes, lexicon) {
                specific = referent
            }
            if !result.contains(specific) { result.append(specific) }
        }
        return result
    }
}

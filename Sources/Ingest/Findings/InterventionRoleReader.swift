import EvidenceModel
/// Reads what each intervention of a study is to it from the words around its mentions: an agent linked to an
/// inducing word ("calcification was induced by adding warfarin", "fed warfarin to induce it") is an inducer;
/// one introduced as the comparison ("compared with", "the control group with") a comparator; one given
/// "in addition to" the studied one a co-intervention. The others are left to the findings: studied when the
/// study reports a result for them or puts them in its design, else merely mentioned.
struct InterventionRoleReader: Sendable {
    let cues: FindingCues
    let clauses: StudyDirectionReader

    /// Roles read from cues alone, by substance; substances without a cue are absent.
    func cueRoles(_ sentences: [StudySentence], substances: Set<String>, _ context: StudyContext) -> [String: InterventionRole] {
        var roles: [String: InterventionRole] = [:]
        for sentence in sentences {
            let tokens = sentence.tokens
            for clause in clauses.clauses(tokens) {
                let inducers = cues.inducer.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                let comparators = cues.comparator.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                // "In addition to showing that X boosts …" joins two statements; it gives nothing alongside anything.
                let coTreatments = cues.coIntervention.matches(in: tokens, from: clause.lowerBound, to: clause.upperBound)
                    .filter { $0.upperBound >= tokens.count || !cues.connectiveAfterCue.contains(tokens[$0.upperBound].lower) }
                let agents = sentence.mentions(in: clause, type: .intervention, context)
                for (mention, token) in agents {
                    let substance = context.lexicon.substance(of: mention.conceptID)
                    guard substances.contains(substance) else { continue }
                    if isInduced(token, tokens, clause, inducers) && !namesProcess(mention, token, tokens) {
                        roles[substance] = .inducer
                    } else if roles[substance] == nil, introduced(token, by: comparators, within: 2, agents: agents.map(\.token)) {
                        roles[substance] = .comparator
                    } else if roles[substance] == nil, introduced(token, by: coTreatments, within: 3) {
                        roles[substance] = .coIntervention
                    }
                }
            }
        }
        return roles
    }

    /// Whether the design names the substance: an arm received it, or the study measured its intake or levels.
    func inDesign(_ sentences: [StudySentence], substance: String, _ context: StudyContext) -> Bool {
        for sentence in sentences {
            let methods = cues.method.matches(in: sentence.tokens)
            for (mention, token) in sentence.mentions where context.lexicon.substance(of: mention.conceptID) == substance {
                if methods.contains(where: { abs($0.lowerBound - token) <= 4 }) { return true }
            }
        }
        return false
    }

    /// "induced by adding warfarin" (an inducing word, then only linking words and a few others, then the agent),
    /// "warfarin-induced", "a warfarin group to induce calcification" (the agent shortly before "to induce").
    private func isInduced(_ token: Int, _ tokens: [WordToken], _ clause: Range<Int>, _ inducers: [Range<Int>]) -> Bool {
        if tokens[token].lower.contains("-induc") { return true }
        for cue in inducers {
            // The link follows the cue closely ("induced in rats by"); the agent may stand further on ("by giving
            // them the anticoagulant warfarin"). A link far from the cue belongs to another verb (in "induced
            // lesions were later found to shrink with K2", K2 is no inducer).
            if cue.upperBound <= token, token - cue.upperBound <= 14 {
                let links = (cue.upperBound..<min(token, cue.upperBound + 4)).filter { cues.inducerLinks.contains(tokens[$0].lower) }
                if !links.isEmpty { return true }
            }
            // The agent before "to induce …" or "… used to cause": the cue opens with "to" or follows "to".
            let opensWithTo = tokens[cue.lowerBound].lower == "to" || (cue.lowerBound > clause.lowerBound && tokens[cue.lowerBound - 1].lower == "to")
            if cue.lowerBound > token, cue.lowerBound - token <= 8, opensWithTo { return true }
        }
        return false
    }

    /// "interfering with the vitamin K metabolism": the substance's process, not an agent.
    private func namesProcess(_ mention: ConceptMention, _ token: Int, _ tokens: [WordToken]) -> Bool {
        var last = token
        while last + 1 < tokens.count, tokens[last + 1].start < mention.span.end { last += 1 }
        let inside = tokens[last].lower.split(separator: "-").last.map(String.init) ?? ""
        let next = last + 1 < tokens.count ? tokens[last + 1].lower : ""
        return cues.notAgentWords.contains(inside) || cues.notAgentWords.contains(next)
    }

    /// A cue ending at most `within` words before the mention ("compared with high-dose K2", "a control group
    /// with vitamin K"): further away, the cue belongs to another phrase of the sentence.
    /// The cue introduces only the first agent after it: in "compared with sulfonylurea users, metformin users",
    /// metformin is the studied one.
    private func introduced(_ token: Int, by cues: [Range<Int>], within: Int, agents: [Int] = []) -> Bool {
        cues.contains { cue in
            cue.upperBound <= token && token - cue.upperBound <= within
                && !agents.contains { $0 >= cue.upperBound && $0 < token }
        }
    }
}

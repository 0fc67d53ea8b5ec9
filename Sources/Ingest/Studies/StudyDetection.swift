/// How a sentence speaks of a study.
enum StudyAnchorKind: Sendable, Equatable {
    /// "the VitaVasK trial", "the Rotterdam study": a proper name before a study noun.
    case named(String)
    /// "a case study", "A retrospective cohort of …", "In a second experiment": a new study.
    case indefinite
    /// "the study", "this trial", "the researchers", "our recent case study": the study in focus.
    case definite
    /// "several large randomized trials", "multiple other trials": trials named together.
    case group
    /// "We cultured …", "we randomized …": the authors describing their own study (abstracts).
    case firstPerson
}

/// One place where a sentence refers to a study.
struct StudyAnchor: Sendable {
    var kind: StudyAnchorKind
    /// Token range of the whole noun phrase (determiner to head) in the sentence's tokens.
    var tokens: Range<Int>
    /// The lower-case head noun ("trial", "report", "analysis").
    var head: String
    /// True for "the new study", "the latest trial": the document's main study.
    var isMain: Bool = false
    /// True for "one of the studies", "the first of the trials": one member of studies told together, a study
    /// of its own.
    var isPartitive: Bool = false
}

/// Finds study anchors in one sentence's tokens. Vague references ("previous studies have suggested")
/// and future ones ("larger studies are needed") are not anchors: they make claims, not studies.
struct StudyDetector: Sendable {
    let cues: StudyCues
    var modifierWords: Set<String> { cues.modifierWords }

    func anchors(in tokens: [WordToken]) -> [StudyAnchor] {
        var found: [StudyAnchor] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            let head = Self.headForm(tokens[index].lower)
            guard cues.heads.contains(head) else { continue }
            if index + 1 < tokens.count, cues.headBlockers.contains(tokens[index + 1].lower) { continue }
            // "one study participant", "a study author": a person of the study in focus, not a new study.
            if index + 1 < tokens.count, index > 0, cues.memberNouns.contains(tokens[index + 1].lower),
               cues.indefinite.contains(tokens[index - 1].lower) { continue }
            // "Priority Review", "peer review", "an FDA review": a process, not a study.
            if index > 0, cues.headPreblockers.contains(tokens[index - 1].lower) { continue }
            // "cohort study", "case series analysis": the last of adjacent heads is the head.
            // (Only when nothing but a space separates them: "the study, scientists at …" has two phrases.)
            if index + 1 < tokens.count, tokens[index + 1].start - tokens[index].end == 1,
               cues.heads.contains(Self.headForm(tokens[index + 1].lower)),
               !cues.definiteOnlyHeads.contains(Self.headForm(tokens[index + 1].lower)) { continue }
            if let anchor = anchor(tokens, headIndex: index, head: head) {
                found.append(anchor)
            }
        }
        if found.isEmpty, let cited = authorYearAnchor(tokens) { found.append(cited) }
        if found.isEmpty, let firstPerson = firstPersonAnchor(tokens) { found.append(firstPerson) }
        if found.isEmpty, let team = teamAnchor(tokens) { found.append(team) }
        if found.isEmpty, let subject = subjectAnchor(tokens) { found.append(subject) }
        if found.isEmpty, let earlier = earlierWorkAnchor(tokens) { found.append(earlier) }
        return found
    }

    /// "study's" -> "study", "study1" (a footnote number glued on) -> "study".
    static func headForm(_ lower: String) -> String {
        var word = lower
        if word.hasSuffix("'s") { word.removeLast(2) }
        while let last = word.unicodeScalars.last, WordTokenizer.isDigit(last), word.count > 1 { word.removeLast() }
        return word
    }

    private func anchor(_ tokens: [WordToken], headIndex: Int, head: String) -> StudyAnchor? {
        // Walk back over the modifiers to the determiner.
        var position = headIndex - 1
        var modifiers: [WordToken] = []
        while position >= 0, modifiers.count < 7, isModifier(tokens, position, headIndex: headIndex) {
            modifiers.append(tokens[position])
            position -= 1
        }
        let determiner = position >= 0 ? tokens[position].lower : ""
        let start = position >= 0 && isDeterminer(determiner) ? position : position + 1
        let range = start..<(headIndex + 1)
        let modifierWords = Set(modifiers.map(\.lower))
        let isPlural = head == "trials" || head == "studies" || head == "meta-analyses"
        // "a protein that scientists say blocks …": "that" before a plural noun is a relative pronoun, not "that study".
        if determiner == "that", start == position, isPlural || cues.definiteOnlyHeads.contains(head) && head.hasSuffix("s") { return nil }

        // Future and vague references are claims, not studies ("must be confirmed by another study").
        if cues.future.contains(in: tokens, from: headIndex + 1, to: min(tokens.count, headIndex + 5)) { return nil }
        if awaitedAfterModifier(tokens, headIndex: headIndex) { return nil }
        // ("was tested in a trial" is past: a study done.)
        if start > 0, cues.indefinite.contains(determiner),
           let lead = cues.futureBefore.matches(in: tokens, from: max(0, start - 4), to: start).first,
           !(lead.lowerBound > 0 && ["was", "were"].contains(tokens[lead.lowerBound - 1].lower)) { return nil }
        // "this was not a randomised trial": a remark on the study in focus, not another study (nor its design).
        if start > 0, cues.indefinite.contains(determiner), cues.anchorNegations.contains(tokens[start - 1].lower) { return nil }
        // "no one would run such a trial": a kind of study, not one.
        if start > 0, cues.indefinite.contains(determiner), cues.hypotheticalBefore.contains(tokens[start - 1].lower) { return nil }
        // "an analysis in an accompanying editorial": a commentator's opinion, not a study.
        if cues.indefinite.contains(determiner), cues.commentaryWords.contains(in: tokens, from: headIndex + 1, to: min(tokens.count, headIndex + 6)) {
            return nil
        }
        // ("a later and larger trial" is one study; "larger studies", "previous trials" are not.)
        if isPlural || !isDeterminer(determiner) {
            if modifiers.contains(where: { cues.vague.contains(in: [$0]) }) { return nil }
            if start > 0, cues.vague.contains(in: tokens, from: start - 1, to: start + 1) { return nil }
        }

        if isPlural, let partitive = partitive(tokens, start: start, headIndex: headIndex, modifiers: modifiers) {
            return partitive
        }
        if isPlural {
            // "of 32 randomized trials" is the material of a meta-analysis, not a group of its own.
            if start > 0, tokens[start].isNumber || (start > 0 && tokens[start - 1].lower == "of") { return nil }
            guard head == "trials", cues.groupQuantifiers.contains(determiner) || modifierWords.contains(where: cues.groupQuantifiers.contains)
            else { return nil }
            return StudyAnchor(kind: .group, tokens: range, head: head)
        }
        switch head {
        case "report":
            // Only a case report or an organisation's report (a guideline) is a study.
            let organisation = modifiers.contains { cues.reportOrganisations.contains($0.lower) }
            // "their report shows": the authors' own report of the study in focus.
            let possessive = ["their", "its", "our"].contains(determiner)
            guard modifierWords.contains("case") || organisation || possessive else { return nil }
        case "series":
            guard modifierWords.contains("case") else { return nil }
        default:
            break
        }
        // An organisation's report or a guideline is a document of its own, whatever the determiner.
        if head == "report" || head == "guideline", modifiers.contains(where: { cues.reportOrganisations.contains($0.lower) }) {
            return StudyAnchor(kind: .indefinite, tokens: range, head: head)
        }
        let name = properName(modifiers.reversed())
        if cues.definite.contains(determiner) {
            if let name, !cues.definiteOnlyHeads.contains(head) { return StudyAnchor(kind: .named(name), tokens: range, head: head) }
            // "the results of our study", said by its author: the study being reported, unless it is their earlier one.
            let ours = determiner == "our" && !modifiers.contains { cues.distinctModifiers.contains($0.lower) }
            return StudyAnchor(kind: .definite, tokens: range, head: head,
                               isMain: ours || modifiers.contains { cues.mainStudyModifiers.contains($0.lower) })
        }
        // "according to Canadian researchers": the authors of the study being reported.
        if cues.definiteOnlyHeads.contains(head) {
            let lead = tokens[max(0, start - 3)..<start].map(\.lower)
            let person = ["researchers", "scientists", "investigators", "authors"].contains(head)
            if !person || cues.indefinite.contains(determiner) || !zip(lead, lead.dropFirst()).contains(where: { $0 == "according" && $1 == "to" }) { return nil }
            return StudyAnchor(kind: .definite, tokens: range, head: head)
        }
        if cues.indefinite.contains(determiner) { return StudyAnchor(kind: .indefinite, tokens: range, head: head) }
        // No determiner: "MAGSTIFF trial" is named; a bare "study" is a verb or a generic noun.
        if let name { return StudyAnchor(kind: .named(name), tokens: range, head: head) }
        return nil
    }

    /// "In one of the studies, …", "the first of the three trials": one member of a set of studies the text told
    /// together, a study of its own. ("one of the largest trials" describes the study in focus: a superlative
    /// keeps the phrase what it was.)
    private func partitive(_ tokens: [WordToken], start: Int, headIndex: Int, modifiers: [WordToken]) -> StudyAnchor? {
        var determiner = start
        // "of the four planned trials": a count after the article.
        if determiner > 0, ["the", "these", "those"].contains(tokens[determiner - 1].lower),
           tokens[determiner].isNumber || cues.groupQuantifiers.contains(tokens[determiner].lower) { determiner -= 1 }
        guard determiner >= 2, ["the", "these", "those"].contains(tokens[determiner].lower), tokens[determiner - 1].lower == "of" else { return nil }
        var opening = determiner - 2
        if tokens[opening].lower != "one" && !cues.ordinals.contains(tokens[opening].lower) { return nil }
        if opening > 0, tokens[opening - 1].lower == "the", cues.ordinals.contains(tokens[opening].lower) { opening -= 1 }
        if modifiers.contains(where: { $0.lower.hasSuffix("est") || ["most", "few", "many", "only"].contains($0.lower) }) { return nil }
        let head = tokens[headIndex].lower == "studies" ? "study" : String(tokens[headIndex].lower.dropLast())
        return StudyAnchor(kind: .indefinite, tokens: opening..<(headIndex + 1), head: head, isPartitive: true)
    }

    /// "a larger study of the drug in other groups is needed": the phrase's own verb may stand after what follows
    /// the noun ("of …", "comparing …"); it is looked for up to a relative clause ("of people who will need …")
    /// or a verb of a done study ("of 300 women found that more trials are needed" reports a study).
    private func awaitedAfterModifier(_ tokens: [WordToken], headIndex: Int) -> Bool {
        guard headIndex + 1 < tokens.count, cues.postModifierWords.contains(tokens[headIndex + 1].lower) else { return false }
        let end = min(tokens.count, headIndex + 16)
        var position = headIndex + 2
        while position < end {
            let word = tokens[position].lower
            if cues.clauseRelatives.contains(word) || cues.pastResultVerbs.contains(word) || cues.methodVerbs.contains(word) { return false }
            if ["is", "are", "would", "will", "should", "may"].contains(word) {
                return cues.future.contains(in: tokens, from: position, to: min(tokens.count, position + 4))
            }
            position += 1
        }
        return false
    }

    private func isDeterminer(_ word: String) -> Bool {
        cues.definite.contains(word) || cues.indefinite.contains(word) || cues.groupQuantifiers.contains(word)
    }

    private func isModifier(_ tokens: [WordToken], _ position: Int, headIndex: Int) -> Bool {
        let token = tokens[position]
        if isDeterminer(token.lower) && !(token.lower == "new" || token.lower == "second" || token.lower == "third") { return false }
        if token.isCapitalized || token.isNumber || modifierWords.contains(token.lower) || cues.mainStudyModifiers.contains(token.lower) { return true }
        // "of" inside a capitalised name ("Institute of Medicine").
        if token.lower == "of", position > 0, tokens[position - 1].isCapitalized, position + 1 < headIndex,
           tokens[position + 1].isCapitalized { return true }
        let word = token.lower
        if word.contains("-") { return true }
        for suffix in ["al", "ed", "ive", "ic", "ary", "ian", "ese", "ish", "er", "ous"] where word.hasSuffix(suffix) && word.count > 4 {
            return !cues.methodVerbs.contains(word)
        }
        return false
    }

    /// The capitalised words before the head that make a name ("VitaVasK", "Rotterdam", "Framingham Heart").
    private func properName(_ modifiers: [WordToken]) -> String? {
        // "Eight-month study", "Two-year trial": a length, not a name.
        if modifiers.contains(where: Self.isLengthCompound) { return nil }
        // "NIH-funded", "Pfizer-sponsored": who paid for or ran the study, not its name.
        let named = modifiers.filter { token in !cues.sponsorSuffixes.contains { token.lower.hasSuffix($0) } }
        guard !named.isEmpty else { return nil }
        let words = named.filter { token in
            (token.isCapitalized || token.hasInnerCapital) && !cues.nonNameWords.contains(token.lower)
                && !cues.reportOrganisations.contains(token.lower) && !token.isNumber
        }
        guard !words.isEmpty, words.count == named.filter({ $0.isCapitalized || $0.hasInnerCapital }).count else { return nil }
        // An organisation's report is not a named trial.
        if modifiers.contains(where: { cues.reportOrganisations.contains($0.lower) }) { return nil }
        return words.map(\.text).joined(separator: " ")
    }

    /// "Lindqvist and colleagues randomly assigned …", "Smith and her co-authors analysed …": the authors of the
    /// study being reported describing what they did.
    private func teamAnchor(_ tokens: [WordToken]) -> StudyAnchor? {
        for index in tokens.indices.dropLast() where tokens[index].lower == "and" {
            var next = index + 1
            if ["his", "her", "their"].contains(tokens[next].lower) { next += 1 }
            guard next < tokens.count, cues.teamWords.contains(tokens[next].lower) else { continue }
            let window = (next + 1)..<min(tokens.count, next + 4)
            if window.contains(where: { cues.methodVerbs.contains(tokens[$0].lower) }) {
                return StudyAnchor(kind: .definite, tokens: index..<(next + 1), head: "researchers", isMain: true)
            }
        }
        return nil
    }

    /// "Okafor and colleagues (2015) found …", "Lindqvist et al. in 2009 showed …": a study cited by its first author
    /// and year, without a study noun. Named after both, so that a later "Okafor and colleagues (2015)" is the same one.
    private func authorYearAnchor(_ tokens: [WordToken]) -> StudyAnchor? {
        for index in tokens.indices.dropLast(2) where tokens[index].isCapitalized && !cues.nonNameWords.contains(tokens[index].lower) {
            var next = index + 1
            if tokens[next].lower == "and", next + 1 < tokens.count {
                next += 1
                if ["his", "her", "their"].contains(tokens[next].lower), next + 1 < tokens.count { next += 1 }
                guard cues.teamWords.contains(tokens[next].lower) else { continue }
            } else if tokens[next].lower == "et", next + 1 < tokens.count, tokens[next + 1].lower.hasPrefix("al") {
                next += 1
            } else {
                continue
            }
            // The year right after the authors ("(2015)", "in 2015"), then a verb of finding or publishing.
            let yearWindow = (next + 1)..<min(tokens.count, next + 3)
            guard let yearIndex = yearWindow.first(where: { JournalFinder.year(tokens[$0]) != nil }) else { continue }
            let verbs = (yearIndex + 1)..<min(tokens.count, yearIndex + 4)
            guard verbs.contains(where: { cues.pastResultVerbs.contains(tokens[$0].lower) || cues.methodVerbs.contains(tokens[$0].lower)
                    || cues.publicationVerbs.contains(in: tokens, from: $0, to: min(tokens.count, $0 + 2)) }) else { continue }
            return StudyAnchor(kind: .named("\(tokens[index].text) \(tokens[yearIndex].text)"), tokens: index..<(yearIndex + 1), head: "study")
        }
        return nil
    }

    /// "Researchers tracked 12,000 veterans for a decade", "ARIC enrolled 15,792 adults": a study described by
    /// its authors (or its acronym) doing it to counted subjects, without a study noun. The count keeps out
    /// "researchers have long studied …".
    private func subjectAnchor(_ tokens: [WordToken]) -> StudyAnchor? {
        for index in tokens.indices.dropLast() {
            let token = tokens[index]
            let researchers = cues.subjectWords.contains(token.lower)
            let acronym = token.text.count >= 3 && token.text.unicodeScalars.allSatisfy { $0.properties.isUppercase }
                && !cues.reportOrganisations.contains(token.lower)
            guard researchers || acronym else { continue }
            // No determiner before "researchers" ("the researchers" is already an anchor; "some researchers" is vague).
            if researchers, index > 0, !tokens[index - 1].isCapitalized, cues.groupQuantifiers.contains(tokens[index - 1].lower) { continue }
            let verbs = (index + 1)..<min(tokens.count, index + (researchers ? 5 : 2))
            guard let verb = verbs.first(where: { cues.methodVerbs.contains(tokens[$0].lower) }) else { continue }
            let after = (verb + 1)..<min(tokens.count, verb + 5)
            guard after.contains(where: { tokens[$0].isNumber && (tokens[$0].integerValue ?? 0) >= 2 }) else { continue }
            // (An acronym may be an organisation's as well as a trial's: it speaks of the study in focus, or opens
            // one when there is none, and never names a new one.)
            return StudyAnchor(kind: .definite, tokens: index..<(index + 1), head: acronym ? "study" : token.lower)
        }
        return nil
    }

    static func isLengthCompound(_ token: WordToken) -> Bool {
        guard let dash = token.lower.lastIndex(of: "-") else { return false }
        let unit = token.lower[token.lower.index(after: dash)...]
        return ["day", "week", "month", "year", "days", "weeks", "months", "years", "hour", "decade"].contains(String(unit))
    }

    private func firstPersonAnchor(_ tokens: [WordToken]) -> StudyAnchor? {
        for index in tokens.indices where tokens[index].lower == "we" {
            let window = (index + 1)..<min(tokens.count, index + 3)
            if window.contains(where: { cues.methodVerbs.contains(tokens[$0].lower) }) {
                return StudyAnchor(kind: .firstPerson, tokens: index..<(index + 1), head: "we")
            }
        }
        return nil
    }
}

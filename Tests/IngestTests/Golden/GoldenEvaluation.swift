import Foundation
@testable import Ingest
import EvidenceModel

/// Hits, misses and false positives of one table (studies, claims or comments) over some documents.
struct TableScore: Sendable {
    var expected = 0
    var found = 0
    var extracted = 0
    var correctExtracted = 0
    /// Found items whose every checked attribute is right.
    var exact = 0

    var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
    var precision: Double { extracted == 0 ? 1 : Double(correctExtracted) / Double(extracted) }
    var attributeAccuracy: Double { found == 0 ? 1 : Double(exact) / Double(found) }

    static func + (a: TableScore, b: TableScore) -> TableScore {
        TableScore(expected: a.expected + b.expected, found: a.found + b.found, extracted: a.extracted + b.extracted,
                   correctExtracted: a.correctExtracted + b.correctExtracted, exact: a.exact + b.exact)
    }
}

/// The comparison of one extraction with its expectation: scores and a readable list of every difference.
struct GoldenEvaluation {
    var studies = TableScore()
    var claims = TableScore()
    var comments = TableScore()
    var studyProblems: [String] = []
    var claimProblems: [String] = []
    var commentProblems: [String] = []
    var sourceProblems: [String] = []

    init(extraction: Extraction, expected: GoldenExpectation, lexicon: Lexicon) {
        let text = extraction.source.text
        let studyMatch = compareStudies(extraction, expected, text, lexicon)
        compareClaims(extraction, expected, text, studyMatch)
        compareComments(extraction, expected)
        compareSource(extraction.source, expected.source)
    }

    // MARK: studies

    /// Returns, for each expected study, the index of the extracted study matched to it.
    private mutating func compareStudies(_ extraction: Extraction, _ expected: GoldenExpectation, _ text: SourceText,
                                         _ lexicon: Lexicon) -> [Int?] {
        studies.expected = expected.studies.count
        studies.extracted = extraction.studies.count
        var matchedExtracted: Set<Int> = []
        var result: [Int?] = []
        for (number, want) in expected.studies.enumerated() {
            guard let quote = text.find(want.quote) else {
                studyProblems.append("study #\(number): quote not in the stored text: \(want.quote)")
                result.append(nil)
                continue
            }
            let hits = extraction.studies.indices.filter { index in
                extraction.studies[index].mentions.contains { $0.overlaps(quote) }
            }
            guard let index = hits.first(where: { !matchedExtracted.contains($0) }) ?? hits.first else {
                studyProblems.append("study #\(number) (\(want.design.description)) not found: \(want.quote)")
                result.append(nil)
                continue
            }
            if hits.count > 1 { studyProblems.append("study #\(number) found \(hits.count) times: \(want.quote)") }
            studies.found += 1
            matchedExtracted.insert(index)
            result.append(index)
            let diffs = studyDifferences(extraction.studies[index], want, lexicon)
            if diffs.isEmpty {
                studies.exact += 1
            } else {
                studyProblems.append("study #\(number) \"\(want.quote)\": " + diffs.joined(separator: "; "))
            }
        }
        studies.correctExtracted = matchedExtracted.count
        if expected.studiesExhaustive {
            for index in extraction.studies.indices where !matchedExtracted.contains(index) {
                let study = extraction.studies[index]
                let where_ = study.mentions.first.map { text.slice($0) } ?? "?"
                studyProblems.append("extra study (\(study.design.rawValue)): \(where_.prefix(90))")
            }
        } else {
            studies.extracted = studies.correctExtracted
        }
        return result
    }

    private func studyDifferences(_ got: ExtractedStudy, _ want: ExpectedStudy, _ lexicon: Lexicon) -> [String] {
        var diffs: [String] = []
        if !want.design.accepts(got.design.rawValue) {
            diffs.append("design \(got.design.rawValue) != \(want.design.description)")
        }
        if let species = want.species, got.species?.rawValue != species {
            diffs.append("species \(got.species?.rawValue ?? "nil") != \(species)")
        }
        if let size = want.populationSize, got.populationSize != size {
            diffs.append("size \(got.populationSize.map(String.init) ?? "nil") != \(size)")
        }
        for condition in want.conditions where !related(condition, got.conditionIDs, lexicon) {
            diffs.append("condition \(condition) missing (got \(got.conditionIDs))")
        }
        for intervention in want.interventions {
            let candidates = got.interventions.filter {
                $0.conceptID == intervention.id || related(intervention.id, [$0.conceptID], lexicon)
            }
            guard let match = candidates.first(where: { $0.conceptID == intervention.id }) ?? candidates.first else {
                diffs.append("intervention \(intervention.id) missing (got \(got.interventions.map(\.conceptID)))")
                continue
            }
            if let form = intervention.form, !candidates.contains(where: { $0.formID == form }) {
                diffs.append("form of \(intervention.id): \(match.formID ?? "nil") != \(form)")
            }
            if let dose = intervention.mcgPerDay,
               !candidates.contains(where: { close($0.dose?.mcgPerDay, dose, tolerance: 0.01) }) {
                diffs.append("dose of \(intervention.id): \(match.dose?.mcgPerDay.map { "\($0)" } ?? "nil") != \(dose) µg/day")
            }
        }
        if let durations = want.durationDays,
           !durations.values.contains(where: { close(got.duration?.days, $0, tolerance: 0.03) }) {
            diffs.append("duration \(got.duration.map { "\($0.days)" } ?? "nil") != \(durations.description) days")
        }
        if let direction = want.direction, got.direction.rawValue != direction {
            diffs.append("direction \(got.direction.rawValue) != \(direction)")
        }
        for finding in want.findings ?? [] where !got.findings.contains(where: { found in
            found.interventionID == finding.intervention && found.outcomeID == finding.outcome
                && finding.direction.accepts(found.direction.rawValue) && (finding.arm == nil || found.arm == finding.arm)
        }) {
            let had = got.findings.map { "\($0.interventionID)/\($0.arm ?? "-")/\($0.outcomeID)/\($0.direction.rawValue)" }
            diffs.append("finding \(finding.intervention) on \(finding.outcome) (\(finding.direction.description)) missing (got \(had))")
        }
        for (intervention, role) in want.roles ?? [:] {
            let gotRole = got.interventions.first { $0.conceptID == intervention }?.role.rawValue
            if gotRole != role { diffs.append("role of \(intervention): \(gotRole ?? "nil") != \(role)") }
            if role != "studied", got.findings.contains(where: { $0.interventionID == intervention }) {
                diffs.append("\(intervention) (\(role)) has a finding")
            }
        }
        if let journal = want.journal, normalized(got.journal) != normalized(journal) {
            diffs.append("journal \(got.journal ?? "nil") != \(journal)")
        }
        if let year = want.year, got.year != year { diffs.append("year \(got.year.map(String.init) ?? "nil") != \(year)") }
        if let title = want.title, normalized(got.title) != normalized(title) {
            diffs.append("title \(got.title ?? "nil") != \(title)")
        }
        if let name = want.name, normalized(got.name) != normalized(name) {
            diffs.append("name \(got.name ?? "nil") != \(name)")
        }
        return diffs
    }

    // MARK: claims

    private mutating func compareClaims(_ extraction: Extraction, _ expected: GoldenExpectation, _ text: SourceText,
                                        _ studyMatch: [Int?]) {
        claims.expected = expected.claims.count
        claims.extracted = extraction.claims.count
        let optional = expected.optionalClaims.compactMap { text.find($0) }
        var forbidden: [(String, TextSpan)] = []
        for quote in expected.notClaims {
            if let span = text.find(quote) { forbidden.append((quote, span)) }
        }
        var expectedSpans: [TextSpan?] = []
        for want in expected.claims {
            let span = text.find(want.quoteContains)
            if span == nil { claimProblems.append("claim quote not in the stored text: \(want.quoteContains)") }
            expectedSpans.append(span)
        }
        var neutral = 0
        for claim in extraction.claims {
            if let (quote, _) = forbidden.first(where: { $0.1.overlaps(claim.span) }) {
                claimProblems.append("not a claim, yet extracted: \(quote)")
            }
            if expectedSpans.contains(where: { $0?.overlaps(claim.span) ?? false }) {
                claims.correctExtracted += 1
            } else if optional.contains(where: { $0.overlaps(claim.span) }) {
                neutral += 1
            } else if expected.claimsExhaustive {
                claimProblems.append("extra claim (\(claim.kind.rawValue)): \(text.slice(claim.span).prefix(100))")
            }
        }
        // Optional claims count neither way; without an exhaustive list, only known hits are counted.
        claims.extracted = expected.claimsExhaustive ? claims.extracted - neutral : claims.correctExtracted
        for (number, want) in expected.claims.enumerated() {
            guard let span = expectedSpans[number] else { continue }
            let hits = extraction.claims.filter { $0.span.overlaps(span) }
            guard !hits.isEmpty else {
                claimProblems.append("claim not found: \(want.quoteContains)")
                continue
            }
            claims.found += 1
            // Several clauses may overlap the quote: the best-fitting one is judged.
            let judged = hits.map { claimDifferences($0, want, studyMatch) }.min { $0.count < $1.count } ?? []
            if judged.isEmpty {
                claims.exact += 1
            } else {
                claimProblems.append("claim \"\(want.quoteContains)\": " + judged.joined(separator: "; "))
            }
        }
    }

    private func claimDifferences(_ got: ExtractedClaim, _ want: ExpectedClaim, _ studyMatch: [Int?]) -> [String] {
        var diffs: [String] = []
        if !want.kind.accepts(got.kind.rawValue) { diffs.append("kind \(got.kind.rawValue) != \(want.kind.description)") }
        if let hedged = want.hedged, got.hedged != hedged { diffs.append("hedged \(got.hedged) != \(hedged)") }
        if normalized(got.attributedTo) != normalized(want.attributedTo) {
            diffs.append("attributed_to \(got.attributedTo ?? "nil") != \(want.attributedTo ?? "nil")")
        }
        if let study = want.study {
            let target = study < studyMatch.count ? studyMatch[study] : nil
            if target == nil || got.studyIndex != target {
                diffs.append("study \(got.studyIndex.map(String.init) ?? "nil") != expected study #\(study)")
            }
        }
        return diffs
    }

    // MARK: comments

    private mutating func compareComments(_ extraction: Extraction, _ expected: GoldenExpectation) {
        comments.expected = expected.comments.count
        comments.extracted = extraction.comments.count
        let got = extraction.comments
        // Expected comment number -> extracted index (by printed number, else by position).
        var byNumber: [Int: Int] = [:]
        for want in expected.comments {
            if let index = got.firstIndex(where: { $0.number == want.number }) {
                byNumber[want.number] = index
            } else if want.number - 1 < got.count {
                byNumber[want.number] = want.number - 1
            }
        }
        comments.found = byNumber.count
        comments.correctExtracted = Set(byNumber.values).count
        if got.count > expected.comments.count {
            commentProblems.append("\(got.count) comments extracted, \(expected.comments.count) expected")
        }
        for want in expected.comments {
            guard let index = byNumber[want.number] else {
                commentProblems.append("comment \(want.number) (\(want.author)) not found")
                continue
            }
            let comment = got[index]
            var diffs: [String] = []
            if (comment.author ?? "").trimmingCharacters(in: .whitespaces) != want.author {
                diffs.append("author \(comment.author ?? "null") != \(want.author)")
            }
            // author_id: one id per person. Compared as a partition, so any slug scheme is fine.
            for other in expected.comments where other.number < want.number {
                guard let otherIndex = byNumber[other.number] else { continue }
                let sameWanted = other.authorID == want.authorID
                let sameGot = got[otherIndex].authorID == comment.authorID
                if sameWanted != sameGot {
                    diffs.append("author_id \(comment.authorID) \(sameWanted ? "differs from" : "equals") that of comment \(other.number) (\(got[otherIndex].authorID))")
                }
            }
            let replyNumber = comment.replyToIndex.flatMap { $0 < got.count ? got[$0].number : nil }
            if !want.replyTo.accepts(replyNumber) {
                diffs.append("reply_to \(replyNumber.map(String.init) ?? "nil") != \(want.replyTo.description)")
            }
            if let question = want.isQuestion, comment.isQuestion != question {
                diffs.append("is_question \(comment.isQuestion) != \(question)")
            }
            if let promotional = want.isPromotional, comment.isPromotional != promotional {
                diffs.append("is_promotional \(comment.isPromotional) != \(promotional)")
            }
            if diffs.isEmpty {
                comments.exact += 1
            } else {
                commentProblems.append("comment \(want.number) (\(want.author)): " + diffs.joined(separator: "; "))
            }
        }
    }

    // MARK: source

    private mutating func compareSource(_ source: ExtractedSource, _ want: ExpectedSource) {
        let got = source.metadata
        if let kind = want.kind, got.kind.rawValue != kind { sourceProblems.append("kind \(got.kind.rawValue) != \(kind)") }
        if let title = want.title, normalized(got.title) != normalized(title) {
            sourceProblems.append("title \(got.title ?? "nil") != \(title)")
        }
        if let published = want.published, got.published != published {
            sourceProblems.append("published \(got.published ?? "nil") != \(published)")
        }
        if let author = want.author, normalized(got.author) != normalized(author) {
            sourceProblems.append("author \(got.author ?? "nil") != \(author)")
        }
        if let sponsored = want.industrySponsored, got.industrySponsored != sponsored {
            sourceProblems.append("industry_sponsored \(got.industrySponsored) != \(sponsored)")
        }
    }
}

// MARK: helpers

/// Lower-case letters and digits only, so that punctuation and spacing differences do not count.
func normalized(_ value: String?) -> String? {
    guard let value else { return nil }
    let kept = value.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
    return String(String.UnicodeScalarView(kept))
}

func close(_ value: Double?, _ target: Double, tolerance: Double) -> Bool {
    guard let value else { return false }
    return abs(value - target) <= max(0.5, abs(target) * tolerance)
}

/// True when `id` is in `ids`, or one of `ids` is a narrower concept of it or its direct broader concept
/// (a text that says "aortic valve calcification" may be matched to "valvular calcification" or finer).
func related(_ id: String, _ ids: [String], _ lexicon: Lexicon) -> Bool {
    let family = lexicon.descendants(of: id).union(lexicon.concept(id)?.broader ?? []).union([id])
    return ids.contains { family.contains($0) }
}

extension SourceText {
    /// The span of the first occurrence of `needle`, in scalar offsets.
    func find(_ needle: String) -> TextSpan? {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return nil }
        var start = 0
        while start + pattern.count <= scalars.count {
            if scalars[start] == pattern[0] && scalars[start..<(start + pattern.count)].elementsEqual(pattern) {
                return TextSpan(start, start + pattern.count)
            }
            start += 1
        }
        return nil
    }
}

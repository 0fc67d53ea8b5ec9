import EvidenceModel
/// What makes one study the same study, within a document and across documents.
///
/// The identity key, most specific first:
/// 1. `name:<name>` — a trial's proper name ("the VitaVasK trial" and "VitaVasK" are one trial);
/// 2. `title:<title>` — the normalised publication title (a reference-list entry and a news story
///    quoting the same title);
/// 3. `design:species:condition:substance:size:year` — what a reader would use to tell two unnamed studies
///    apart (unknown parts are "-"). Two reports of "a case report of one woman with calciphylaxis on
///    vitamin K2, 2024" then meet. It holds across documents only with the year and two of condition,
///    substance and size; a vaguer one is prefixed `local:` and the store scopes it to its document;
/// 4. for a reference-list entry with neither name nor title, `citation:<the entry's text>` (see `citationKey`).
/// Keys are lower-case letters and digits, so spelling and punctuation differences do not split a study.
enum StudyIdentity {
    static func key(_ study: ExtractedStudy) -> String {
        if let name = study.name, let normal = normalise(name), !normal.isEmpty { return "name:\(normal)" }
        if let title = study.title, let normal = normalise(title), !normal.isEmpty { return "title:\(normal)" }
        let parts = [
            study.design.rawValue,
            study.species?.rawValue ?? "-",
            study.conditionIDs.first ?? "-",
            study.interventions.first?.conceptID ?? "-",
            study.populationSize.map(String.init) ?? "-",
            study.year.map(String.init) ?? "-",
        ]
        let key = parts.joined(separator: ":")
        // Across documents, a description names one study only when it gives the year and two of condition,
        // substance and size; "a case report of a patient with atherosclerosis on K2" in two documents is two
        // case reports. A vaguer description is one study only within its own document.
        let known = [study.conditionIDs.first, study.interventions.first?.conceptID, study.populationSize.map(String.init)]
            .compactMap { $0 }.count
        return study.year != nil && known >= 2 ? key : localPrefix + key
    }

    /// Marks a key that identifies a study within its document only (the store scopes it to the source).
    static let localPrefix = ExtractedStudy.localIdentityPrefix

    /// The key of a reference-list entry that names no title: its normalised text.
    static func citationKey(_ citation: String) -> String? {
        guard let normal = normalise(citation), !normal.isEmpty else { return nil }
        return "citation:\(normal)"
    }

    static func normalise(_ text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every title): letters lower-cased and digits, as bytes, without Unicode properties.
            var kept: [UInt8] = []
            kept.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: kept.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: kept.append(byte)
                default: break
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
        let kept = text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return String(String.UnicodeScalarView(kept))
    }

    /// The smallest exact count of subjects that tells one study by itself within a document (a count of 6 or 12
    /// recurs in unrelated studies; one of 240 hardly does).
    static let minimumSharedSize = 40

    /// Within one document, two drafts report the same study when they share a title, or when neither is a
    /// group or a reference and they give the same daily dose of the same substance with compatible designs
    /// and sizes ("In this study, 4,800 subjects … 45 micrograms/day" and "the Rotterdam study … 45mcg per day").
    static func sameStudy(_ a: ExtractedStudy, _ b: ExtractedStudy) -> Bool {
        if let ta = a.title.flatMap(normalise), let tb = b.title.flatMap(normalise), !ta.isEmpty, ta == tb { return true }
        if let na = a.name.flatMap(normalise), let nb = b.name.flatMap(normalise), na != nb { return false }
        guard a.design != .unspecifiedTrials, b.design != .unspecifiedTrials else { return false }
        guard a.design == b.design || a.design == .unspecified || b.design == .unspecified else { return false }
        if let sa = a.populationSize, let sb = b.populationSize, sa != sb { return false }
        // "A new study of 2,371 runners …" and "the ACME trial enrolled 2,371 runners": one study under two names,
        // when at most one of them has a name and nothing (year) sets them apart.
        if let sa = a.populationSize, sa >= minimumSharedSize, sa == b.populationSize, a.name == nil || b.name == nil,
           a.year == nil || b.year == nil || a.year == b.year {
            return true
        }
        for ia in a.interventions {
            guard let da = ia.dose?.mcgPerDay, da > 0 else { continue }
            for ib in b.interventions where ib.conceptID == ia.conceptID {
                if let db = ib.dose?.mcgPerDay, abs(da - db) <= da * 0.01 { return true }
            }
        }
        return false
    }
}

import EvidenceModel
/// The name a quote credits, from its first lines: "Quote from: Name on <date>", "Originally Posted by Name",
/// "Quoting Name", "Name wrote:", "Name said:".
struct QuoteNames: Sendable {
    let intros: [String]
    let verbs: [String]
    let headers: CommentHeaderParser

    init(cues: CommentCues) {
        intros = cues.quoteIntros.sorted { $0.count > $1.count }
        verbs = cues.quoteVerbs
        headers = CommentHeaderParser(cues: cues)
    }

    /// A credit run into its quote names one person: a few words at most.
    static let inlineNameWords = 4

    /// The name a quote block credits; its first line may also be the bare handle over the quote ("name:"), as
    /// boards title their quote boxes.
    func name(inBlock text: String) -> String? {
        if let name = name(in: text) { return name }
        guard let first = text.split(whereSeparator: \.isNewline).first else { return nil }
        let line = Trim.spaces(String(first))
        guard line.hasSuffix(":") else { return nil }
        let name = Trim.spaces(String(line.dropLast()))
        return !name.contains(" ") && headers.isName(name) ? name : nil
    }

    func name(in text: String) -> String? {
        for rawLine in text.split(whereSeparator: \.isNewline).prefix(3) {
            let line = Trim.spaces(String(rawLine))
            let lower = line.lowercased()
            for intro in intros where lower.hasPrefix(intro) {
                var rest = Trim.spaces(String(line.dropFirst(intro.count)))
                rest = Trim.chars(rest, ":")
                // "Name on <date>", "Name, <date>".
                if let on = rest.range(of: " on ") { rest = String(rest[..<on.lowerBound]) }
                if let comma = rest.firstIndex(of: ",") { rest = String(rest[..<comma]) }
                let name = Trim.chars(Trim.spaces(rest), ":;")
                if !name.isEmpty, headers.isName(name) { return name }
            }
            for verb in verbs where lower.hasSuffix(verb) {
                let name = Trim.spaces(String(line.dropLast(verb.count)))
                if headers.isName(name) { return name }
            }
            // "Name wrote: the quoted words" on one line (boards that run the credit into the quote).
            for verb in verbs {
                guard let at = lower.range(of: verb + " ") else { continue }
                let name = Trim.spaces(String(lower[..<at.lowerBound]))
                let shown = String(line.prefix(name.count))
                if !name.isEmpty, name.split(separator: " ").count <= Self.inlineNameWords, headers.isName(shown) { return shown }
            }
        }
        return nil
    }
}

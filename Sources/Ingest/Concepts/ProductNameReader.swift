import EvidenceModel

/// Finds the names of drugs and products the lexicon does not know, so that a study of a new medicine or device
/// is a study of it rather than of its class ("an immunotherapy drug") or of nothing.
///
/// Two readings, each over words no lexicon name covers:
/// - a word with the ending of an international nonproprietary name ("-mab", "-tinib", "-gliflozin"): the naming
///   rules give every new medicine one, so an ending says "drug" with few false readings when the word is long;
/// - the name a product noun introduces ("a drug called …", "a device known as the …"): one to three capitalised
///   words, or one lower-case word that is no common word of the lists.
/// The lists are data (`drug_name_endings`, `product_nouns`, `naming_cues` of `lexicon/text_concepts.json`).
struct ProductNameReader: Sendable {
    let cues: TextConceptCues
    /// The shortest word read by its ending alone ("-mab" in "kebab" is no drug).
    static let minimumStemmedLength = 7
    /// How many words a naming cue may stand after its product noun ("a new device for liver tumours called").
    static let nounWindow = 5
    static let maximumNameWords = 3

    func names(_ tokens: [MatchToken], free: [Bool]) -> [TextConceptFinder.Found] {
        var result: [TextConceptFinder.Found] = []
        var taken = Set<Int>()
        for (index, token) in tokens.enumerated() where free[index] && isStemmedDrug(token) {
            result.append(found(tokens, index...index))
            taken.insert(index)
        }
        var index = 0
        while index < tokens.count {
            guard let cueEnd = namingCue(tokens, at: index), introducedByProduct(tokens, before: index) else {
                index += 1
                continue
            }
            var start = cueEnd + 1
            if start < tokens.count, tokens[start].gap == .joining, tokens[start].folded == "the" { start += 1 }
            if let name = name(tokens, from: start, free: free), !taken.contains(name.lowerBound) {
                result.append(found(tokens, name))
                index = name.upperBound + 1
            } else {
                index = cueEnd + 1
            }
        }
        return result
    }

    /// A long word of letters ending as an international nonproprietary name does.
    func isStemmedDrug(_ token: MatchToken) -> Bool {
        let word = token.cased.lowercased()
        guard token.isAlphabetic, word.unicodeScalars.count >= Self.minimumStemmedLength,
              token.cased != token.cased.uppercased(), !cues.stopWords.contains(token.folded),
              !cues.genericHeads.contains(token.folded) else { return false }
        return cues.drugNameEndings.contains { word.hasSuffix($0) }
    }

    /// The last token of a naming cue ("called", "known as") starting at `index`.
    private func namingCue(_ tokens: [MatchToken], at index: Int) -> Int? {
        var best: Int?
        for words in cues.namingCues where index + words.count <= tokens.count {
            let matches = words.enumerated().allSatisfy { offset, word in
                tokens[index + offset].folded == word && (offset == 0 || tokens[index + offset].gap == .joining)
            }
            if matches, index + words.count - 1 > (best ?? -1) { best = index + words.count - 1 }
        }
        return best
    }

    /// Whether a product noun ("drug", "device", "laser") stands a few words before the cue, in the same stretch
    /// of text: "a reader called …" names no product.
    private func introducedByProduct(_ tokens: [MatchToken], before index: Int) -> Bool {
        var position = index
        while position > 0, index - position < Self.nounWindow, tokens[position].gap == .joining {
            position -= 1
            // "an inhibitor of an enzyme called …": the cue names what follows "of", not the product.
            if tokens[position].folded == "of" { return false }
            if cues.productNouns.contains(tokens[position].folded) { return true }
        }
        return false
    }

    /// One to three capitalised words, or one lower-case word of a name's length that is no word of the lists.
    private func name(_ tokens: [MatchToken], from start: Int, free: [Bool]) -> ClosedRange<Int>? {
        guard start < tokens.count, tokens[start].gap == .joining, free[start], tokens[start].isAlphabetic,
              !cues.stopWords.contains(tokens[start].folded), !cues.leadingWords.contains(tokens[start].folded) else { return nil }
        if tokens[start].mayStartAbbreviation {
            // One capital or two ("T cells", "an agent called X"): a letter, not a name.
            guard tokens[start].cased.unicodeScalars.count >= 3 else { return nil }
            var last = start
            while last + 1 < tokens.count, last + 1 - start < Self.maximumNameWords, tokens[last + 1].gap == .joining,
                  free[last + 1], tokens[last + 1].mayStartAbbreviation {
                last += 1
            }
            return start...last
        }
        let word = tokens[start].folded
        guard word.unicodeScalars.count >= 5, !cues.genericHeads.contains(word), !cues.vagueWords.contains(word),
              !cues.genericModifiers.contains(word), !word.hasSuffix("ing"), !word.hasSuffix("ed"),
              !cues.adjectiveEndings.contains(where: { word.hasSuffix($0) }) else { return nil }
        return start...start
    }

    private func found(_ tokens: [MatchToken], _ range: ClosedRange<Int>) -> TextConceptFinder.Found {
        TextConceptFinder.Found(candidate: TextConceptFinder.Candidate(words: range.map { tokens[$0].folded }, type: .intervention),
                                span: TextSpan(tokens[range.lowerBound].start, tokens[range.upperBound].end))
    }
}

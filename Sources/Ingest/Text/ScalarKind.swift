import EvidenceModel
/// Character classes of single scalars, with an ASCII fast path: the text stages look at every scalar of every
/// document, so `Unicode.Scalar.Properties` lookups are kept for the rare non-ASCII scalar.
enum ScalarKind {
    @inline(__always) static func isNewline(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{0B}" || s == "\u{0C}" || s == "\u{85}"
    }

    /// Whitespace that does not end a line.
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\t" }
        return s.properties.isWhitespace && !isNewline(s)
    }

    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}" }
        return s.properties.isWhitespace
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 97 && s.value <= 122 }
        return s.properties.isLowercase
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    /// Closing quotes and brackets that belong to the sentence they follow ("… population.”").
    @inline(__always) static func isCloser(_ s: Unicode.Scalar) -> Bool {
        s == "\u{201D}" || s == "\u{2019}" || s == "\"" || s == "'" || s == ")" || s == "]" || s == "\u{BB}" || s == "*" || s == "_"
    }

    @inline(__always) static func isTerminal(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "\u{2026}" || s == "\u{203C}" || s == "\u{2047}" || s == "\u{2048}" || s == "\u{2049}"
    }

    /// Lower-cases ASCII letters only; enough for cue matching, which is ASCII in the lexicon files.
    @inline(__always) static func lowerASCII(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90, let lower = Unicode.Scalar(s.value + 32) { return lower }
        return s
    }
}

/// Strings from scalar arrays. Building a String through its scalar view is slow on Linux (each append may
/// copy); encoding UTF-8 into a byte array first is linear and several times faster.
enum ScalarText {
    static func string(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        for i in start..<end { UTF8.encode(scalars[i]) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scalars of `span`, lower-cased (ASCII directly, other scripts through their Unicode mapping).
    static func lowered(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> [Unicode.Scalar] {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(end - start)
        for i in start..<end {
            let c = scalars[i]
            if c.value < 128 {
                out.append(ScalarKind.lowerASCII(c))
            } else if c.properties.changesWhenLowercased {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Incremental decoder of a chunked request body (RFC 9112 §7.1).
///
/// Strict where lax parsers have been exploited: the size is 1*HEXDIG with an overflow
/// guard (the running size is checked against the body limit at every digit), every line
/// ends in CRLF, chunk data must be followed by CRLF, chunk extensions follow the grammar
/// of §7.1.1 (see `ChunkExtensionScanner`: a front proxy that reads `2;` or an unclosed
/// quote differently would see other chunk boundaries than we do), chunk extensions and
/// trailers have byte caps. Extensions are checked and ignored; trailers are validated and dropped.
struct ChunkedDecoder {
    let limits: ParserLimits
    private(set) var body: [UInt8] = []
    private var state: State = .size
    private var size = 0
    private var sizeDigits = 0
    private var extensionBytes = 0
    private var extensionScanner = ChunkExtensionScanner()
    private var trailerBytes = 0
    private var trailerLine: [UInt8] = []

    private enum State {
        case size, sizeSpace, ext, sizeLF
        case data(remaining: Int)
        case dataCR, dataLF
        case trailerLine, trailerLF, finalLF
        case done
    }

    enum Progress: Equatable {
        case needMore
        case done
    }

    init(limits: ParserLimits) {
        self.limits = limits
    }

    /// Consumes bytes from `input` and returns how many it used; stops right after the
    /// final CRLF, so pipelined bytes that follow stay in the caller's buffer.
    mutating func feed(_ input: ArraySlice<UInt8>) throws(HTTPParseError) -> (consumed: Int, progress: Progress) {
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            switch state {
            case .size:
                if let digit = ASCII.hexValue(byte) {
                    sizeDigits += 1
                    size = size * 16 + Int(digit)
                    if body.count + size > limits.maxBodyBytes { throw .payloadTooLarge }
                    if sizeDigits > 16 { throw .badRequest("A chunk size has too many digits.") }
                } else if sizeDigits == 0 {
                    throw .badRequest("A chunk size is not hexadecimal.")
                } else if byte == UInt8(ascii: ";") {
                    extensionScanner = ChunkExtensionScanner()
                    state = .ext
                } else if byte == ASCII.cr {
                    state = .sizeLF
                } else if byte == ASCII.space || byte == ASCII.tab {
                    state = .sizeSpace   // BWS before the first ";"
                } else {
                    throw .badRequest("A chunk size line is malformed.")
                }
            case .sizeSpace:
                // Whitespace after the size may only lead to an extension (BWS ";"), never end the line.
                if byte == UInt8(ascii: ";") {
                    extensionScanner = ChunkExtensionScanner()
                    state = .ext
                } else if byte != ASCII.space && byte != ASCII.tab {
                    throw .badRequest("A chunk size line is malformed.")
                }
                extensionBytes += 1
                if extensionBytes > limits.maxChunkExtensionBytes { throw .badRequest("Chunk extensions are too long.") }
            case .ext:
                if byte == ASCII.cr {
                    guard extensionScanner.canEnd else { throw .badRequest("A chunk extension is incomplete.") }
                    state = .sizeLF
                } else {
                    guard ASCII.isFieldValue(byte) else { throw .badRequest("A chunk extension has a control character.") }
                    guard extensionScanner.accept(byte) else { throw .badRequest("A chunk extension is malformed.") }
                    extensionBytes += 1
                    if extensionBytes > limits.maxChunkExtensionBytes { throw .badRequest("Chunk extensions are too long.") }
                }
            case .sizeLF:
                guard byte == ASCII.lf else { throw .badRequest("A chunk size line does not end in CRLF.") }
                state = size == 0 ? .trailerLine : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, input.endIndex - index)
                body.append(contentsOf: input[index..<(index + available)])
                index += available
                state = remaining == available ? .dataCR : .data(remaining: remaining - available)
                continue
            case .dataCR:
                guard byte == ASCII.cr else { throw .badRequest("Chunk data is not followed by CRLF.") }
                state = .dataLF
            case .dataLF:
                guard byte == ASCII.lf else { throw .badRequest("Chunk data is not followed by CRLF.") }
                state = .size
                size = 0
                sizeDigits = 0
                extensionBytes = 0
            case .trailerLine:
                if byte == ASCII.cr {
                    state = trailerLine.isEmpty ? .finalLF : .trailerLF
                } else {
                    trailerBytes += 1
                    if trailerBytes > limits.maxTrailerBytes { throw .headersTooLarge("The trailer section is too large.") }
                    trailerLine.append(byte)
                }
            case .trailerLF:
                guard byte == ASCII.lf else { throw .badRequest("A trailer line does not end in CRLF.") }
                _ = try RequestHeadParser.parseField(trailerLine[...])
                trailerLine.removeAll(keepingCapacity: true)
                state = .trailerLine
            case .finalLF:
                guard byte == ASCII.lf else { throw .badRequest("The chunked body does not end in CRLF.") }
                state = .done
                return (index + 1 - input.startIndex, .done)
            case .done:
                return (index - input.startIndex, .done)
            }
            index += 1
        }
        if case .done = state { return (index - input.startIndex, .done) }
        return (index - input.startIndex, .needMore)
    }
}

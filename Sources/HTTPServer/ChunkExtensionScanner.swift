/// Checks chunk extensions byte by byte against RFC 9112 §7.1.1, from just after the
/// first ";" to the CR that ends the size line:
///
///     chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
///     chunk-ext-name = token
///     chunk-ext-val  = token / quoted-string
///
/// Lax parsers disagree on `2;` (no name), `2;a="b` (an unclosed quote that swallows the
/// line) or `2;a=b c`; when a proxy in front frames such a line otherwise than we do, the
/// two see different chunk boundaries, so every deviation is refused.
struct ChunkExtensionScanner {
    private enum State {
        /// After ";": whitespace, then a name.
        case beforeName
        case name
        /// After the name: whitespace, then "=" or the next ";".
        case afterName
        /// After "=": whitespace, then a token or a quoted string.
        case beforeValue
        case token
        case quoted
        /// After a backslash inside a quoted string.
        case quotedPair
        /// Right after the closing quote.
        case closed
        /// Whitespace after a value: more of it, then the next ";".
        case afterValue
    }

    private var state = State.beforeName

    /// Whether the line may end (CR) here: after a complete name or value, not after
    /// ";", "=", trailing whitespace or inside quotes.
    var canEnd: Bool {
        switch state {
        case .name, .token, .closed: return true
        default: return false
        }
    }

    /// Advances over one byte of the extension (never CR); false when it breaks the grammar.
    mutating func accept(_ byte: UInt8) -> Bool {
        let isSpace = byte == ASCII.space || byte == ASCII.tab
        switch state {
        case .beforeName:
            if isSpace { return true }
            guard ASCII.isToken(byte) else { return false }
            state = .name
        case .name:
            if ASCII.isToken(byte) { return true }
            if byte == UInt8(ascii: "=") {
                state = .beforeValue
            } else if byte == UInt8(ascii: ";") {
                state = .beforeName
            } else if isSpace {
                state = .afterName
            } else {
                return false
            }
        case .afterName:
            if isSpace { return true }
            if byte == UInt8(ascii: "=") {
                state = .beforeValue
            } else if byte == UInt8(ascii: ";") {
                state = .beforeName
            } else {
                return false
            }
        case .beforeValue:
            if isSpace { return true }
            if byte == UInt8(ascii: "\"") {
                state = .quoted
            } else if ASCII.isToken(byte) {
                state = .token
            } else {
                return false
            }
        case .token:
            if ASCII.isToken(byte) { return true }
            if byte == UInt8(ascii: ";") {
                state = .beforeName
            } else if isSpace {
                state = .afterValue
            } else {
                return false
            }
        case .quoted:
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            if byte == UInt8(ascii: "\"") {
                state = .closed
            } else if byte == UInt8(ascii: "\\") {
                state = .quotedPair
            } else if !(isSpace || (byte >= 0x21 && byte != 0x7F)) {
                return false
            }
        case .quotedPair:
            // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
            guard isSpace || (byte >= 0x21 && byte != 0x7F) else { return false }
            state = .quoted
        case .closed, .afterValue:
            if isSpace {
                state = .afterValue
            } else if byte == UInt8(ascii: ";") {
                state = .beforeName
            } else {
                return false
            }
        }
        return true
    }
}

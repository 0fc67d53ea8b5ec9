/// Byte classes of RFC 9110/9112 grammar, as lookup tables so the parser's inner
/// loops stay branch-light.
enum ASCII {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let space: UInt8 = 32
    static let tab: UInt8 = 9
    static let colon: UInt8 = 58
    static let percent: UInt8 = 37
    static let plus: UInt8 = 43
    static let slash: UInt8 = 47
    static let question: UInt8 = 63

    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static let isTokenTable: [Bool] = (0...255).map { (byte: Int) -> Bool in
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(UInt8(byte))
        }
    }

    /// field-vchar / SP / HTAB: VCHAR, obs-text (0x80-0xFF), space and tab. No CTLs, no DEL.
    static let isFieldValueTable: [Bool] = (0...255).map { (byte: Int) -> Bool in
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    @inline(__always) static func isToken(_ byte: UInt8) -> Bool { isTokenTable[Int(byte)] }
    @inline(__always) static func isFieldValue(_ byte: UInt8) -> Bool { isFieldValueTable[Int(byte)] }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// Visible US-ASCII, the only bytes a request-target may contain.
    @inline(__always) static func isVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// The value of a hex digit, or nil.
    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

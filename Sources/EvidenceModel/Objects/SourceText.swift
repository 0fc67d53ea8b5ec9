/// A document's stored text, indexed by Unicode scalar.
///
/// Every offset the service stores or serves counts Unicode scalars (code points), end exclusive, so that
/// `text[start:end] == quote` holds in Python. Keeping the scalars in an array makes slicing O(1) and keeps
/// each stage free of String.Index arithmetic.
public struct SourceText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]
    /// The UTF-8 bytes, and where each scalar starts in them (one entry more than there are scalars), so that a
    /// slice is one copy of bytes rather than a String grown scalar by scalar (12% of ingest in the profile).
    private let utf8: [UInt8]
    private let byteOffsets: [UInt32]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
        self.utf8 = Array(string.utf8)
        var offsets: [UInt32] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset: UInt32 = 0
        for scalar in scalars {
            offsets.append(offset)
            offset &+= UInt32(UTF8.width(scalar))
        }
        offsets.append(offset)
        self.byteOffsets = offsets
    }

    public var count: Int { scalars.count }
    public var fullSpan: TextSpan { TextSpan(0, scalars.count) }

    /// The text of a span, clamped to the text's bounds.
    public func slice(_ span: TextSpan) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        return String(decoding: utf8[Int(byteOffsets[start])..<Int(byteOffsets[end])], as: UTF8.self)
    }

    /// The span with leading and trailing whitespace removed.
    public func trimmed(_ span: TextSpan) -> TextSpan {
        var start = max(0, span.start)
        var end = min(span.end, scalars.count)
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return TextSpan(start, end)
    }
}

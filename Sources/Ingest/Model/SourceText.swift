/// A document's stored text, indexed by Unicode scalar.
///
/// Every offset the service stores or serves counts Unicode scalars (code points), end exclusive, so that
/// `text[start:end] == quote` holds in Python. Keeping the scalars in an array makes slicing O(1) and keeps
/// each stage free of String.Index arithmetic.
public struct SourceText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }
    public var fullSpan: TextSpan { TextSpan(0, scalars.count) }

    /// The text of a span, clamped to the text's bounds.
    public func slice(_ span: TextSpan) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        var result = String()
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
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

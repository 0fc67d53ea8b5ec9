/// A half-open range of Unicode scalar offsets into a `SourceText`.
public struct TextSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func contains(offset: Int) -> Bool { start <= offset && offset < end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}

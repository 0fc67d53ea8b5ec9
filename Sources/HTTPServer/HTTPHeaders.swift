/// Header fields in the order received, looked up case-insensitively.
///
/// Names keep their original spelling (for logs and echoing); lookups compare ASCII
/// case-insensitively, as RFC 9110 §5.1 requires. Requests carry few fields, so a linear
/// scan beats hashing every name.
public struct HTTPHeaders: Sendable, Sequence {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The first value of `name`, or nil. Use `values(for:)` for repeated fields.
    public subscript(name: String) -> String? {
        for field in fields where field.name.asciiCaseInsensitiveEquals(name) {
            return field.value
        }
        return nil
    }

    /// Every value of `name`, in order received.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name.asciiCaseInsensitiveEquals(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.asciiCaseInsensitiveEquals(name) }
    }

    /// The comma-separated tokens of every `name` field, lowercased and trimmed
    /// (`Connection: keep-alive, Upgrade` gives ["keep-alive", "upgrade"]).
    public func tokens(for name: String) -> [String] {
        values(for: name).flatMap { value in
            value.split(separator: ",").map { $0.trimmingOWS().lowercased() }.filter { !$0.isEmpty }
        }
    }

    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}

extension StringProtocol {
    /// ASCII-only case folding: header names are tokens, so no Unicode rules apply.
    func asciiCaseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            if ASCII.lower(x) != ASCII.lower(y) { return false }
        }
        return true
    }

    /// Drops optional whitespace (SP and HTAB) at both ends.
    func trimmingOWS() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

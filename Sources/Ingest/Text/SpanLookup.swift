import EvidenceModel
/// Items with spans (concept mentions, doses, durations), sorted once so that the items inside a span are
/// found by binary search: attribute filling stays linear in the document, whatever its number of studies.
struct SpanLookup<Item>: Sendable where Item: Sendable {
    private let items: [Item]
    private let starts: [Int]
    private let span: @Sendable (Item) -> TextSpan

    init(_ items: [Item], span: @escaping @Sendable (Item) -> TextSpan) {
        let sorted = items.sorted { span($0).start < span($1).start }
        self.items = sorted
        self.starts = sorted.map { span($0).start }
        self.span = span
    }

    /// The items that lie wholly inside `outer`, in text order.
    func inside(_ outer: TextSpan) -> [Item] {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < outer.start { low = middle + 1 } else { high = middle }
        }
        var result: [Item] = []
        var index = low
        while index < items.count, starts[index] < outer.end {
            if outer.contains(span(items[index])) { result.append(items[index]) }
            index += 1
        }
        return result
    }
}

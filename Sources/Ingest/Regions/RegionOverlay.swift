import EvidenceModel
/// Lays a span of one kind over regions that cover a text, keeping them in order and covering it still: what the
/// page's structure shows (a thread's replies, its opening post) overrides the line-by-line reading.
enum RegionOverlay {
    static func apply(_ regions: [Region], _ span: TextSpan, kind: RegionKind) -> [Region] {
        guard !span.isEmpty else { return regions }
        var result: [Region] = []
        result.reserveCapacity(regions.count + 2)
        var placed = false
        for region in regions {
            if region.span.end <= span.start || region.span.start >= span.end {
                if !placed, region.span.start >= span.end {
                    result.append(Region(kind: kind, span: span))
                    placed = true
                }
                result.append(region)
                continue
            }
            if region.span.start < span.start {
                result.append(Region(kind: region.kind, span: TextSpan(region.span.start, span.start)))
            }
            if !placed {
                result.append(Region(kind: kind, span: span))
                placed = true
            }
            if region.span.end > span.end {
                result.append(Region(kind: region.kind, span: TextSpan(span.end, region.span.end)))
            }
        }
        if !placed { result.append(Region(kind: kind, span: span)) }
        // Neighbours of one kind become one region.
        var merged: [Region] = []
        for region in result where !region.span.isEmpty {
            if let last = merged.last, last.kind == region.kind, last.span.end == region.span.start {
                merged[merged.count - 1].span.end = region.span.end
            } else {
                merged.append(region)
            }
        }
        return merged
    }
}

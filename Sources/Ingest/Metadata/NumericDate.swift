/// Dates written in figures only, as forum software prints them: "1/16/2019", "10-04-2017".
///
/// "10-04-2017" alone could be 4 October or 10 April. A board prints every post's date the same way, so the
/// page decides: when one of its figure dates has a first field over 12 they are all day-first, when one has
/// a second field over 12 they are all month-first; when none does (or both do), the month stays unknown.
enum NumericDate {
    struct Fields {
        var first: Int
        var second: Int
        var year: Int
    }

    enum Order { case monthFirst, dayFirst }

    /// The order all figure dates of `page` share, when one of them shows it.
    static func order(in page: String) -> Order? {
        let all = fields(in: page)
        let dayFirst = all.contains { $0.first > 12 }, monthFirst = all.contains { $0.second > 12 }
        if dayFirst == monthFirst { return nil }
        return dayFirst ? .dayFirst : .monthFirst
    }

    /// The ISO day of the first figure date of `text`, read in `order`.
    static func first(in text: String, order: Order) -> String? {
        for date in fields(in: text) {
            let (month, day) = order == .monthFirst ? (date.first, date.second) : (date.second, date.first)
            guard (1...12).contains(month), (1...31).contains(day) else { continue }
            return String(date.year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        }
        return nil
    }

    /// Every "a/b/yyyy" or "a-b-yyyy" of `text` (one or two figures, then four).
    static func fields(in text: String) -> [Fields] {
        let s = Array(text.unicodeScalars)
        var found: [Fields] = []
        var i = 0
        while i < s.count {
            guard ScalarKind.isDigit(s[i]), i == 0 || !ScalarKind.isDigit(s[i - 1]) && s[i - 1] != "/" && s[i - 1] != "-" else {
                i += 1
                continue
            }
            if let (fields, next) = read(s, from: i) {
                found.append(fields)
                i = next
            } else {
                i += 1
            }
        }
        return found
    }

    private static func read(_ s: [Unicode.Scalar], from start: Int) -> (Fields, Int)? {
        var parts: [Int] = []
        var widths: [Int] = []
        var separator: Unicode.Scalar?
        var i = start
        while true {
            var value = 0, width = 0
            while i < s.count, ScalarKind.isDigit(s[i]), width < 5 {
                value = value * 10 + Int(s[i].value - 48)
                width += 1
                i += 1
            }
            guard width > 0 else { return nil }
            parts.append(value)
            widths.append(width)
            if parts.count == 3 { break }
            guard i < s.count, s[i] == "/" || s[i] == "-", separator == nil || separator == s[i] else { return nil }
            separator = s[i]
            i += 1
        }
        guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4, (1900...2199).contains(parts[2]),
              i >= s.count || !ScalarKind.isDigit(s[i]) else { return nil }
        return (Fields(first: parts[0], second: parts[1], year: parts[2]), i)
    }
}

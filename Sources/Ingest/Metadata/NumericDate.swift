/// Dates written in figures only, as forum software prints them: "1/16/2019", "10-04-2017", "16.01.2019".
/// Month first unless the first number cannot be a month (the boards that write them are mostly American).
enum NumericDate {
    /// The ISO day ("2019-01-16") of the first such date in `text`, or nil.
    static func first(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard ScalarKind.isDigit(scalars[i]), i == 0 || !ScalarKind.isDigit(scalars[i - 1]) && scalars[i - 1] != "/" else {
                i += 1
                continue
            }
            if let found = read(scalars, from: i) { return found.0 }
            i += 1
        }
        return nil
    }

    private static func read(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var parts: [Int] = []
        var widths: [Int] = []
        var separator: Unicode.Scalar?
        var i = start
        while parts.count < 3 {
            var value = 0, width = 0
            while i < s.count, ScalarKind.isDigit(s[i]), width < 4 {
                value = value * 10 + Int(s[i].value - 48)
                width += 1
                i += 1
            }
            guard width > 0 else { return nil }
            parts.append(value)
            widths.append(width)
            if parts.count == 3 { break }
            guard i < s.count, s[i] == "/" || s[i] == "-" || s[i] == ".", separator == nil || separator == s[i] else { return nil }
            separator = s[i]
            i += 1
        }
        if i < s.count, ScalarKind.isDigit(s[i]) { return nil }
        guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4, (1900...2199).contains(parts[2]) else { return nil }
        var (month, day) = (parts[0], parts[1])
        if month > 12 { (month, day) = (day, month) }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let iso = String(parts[2]) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        return (iso, i)
    }
}

import Foundation
import Testing
import EvidenceModel

/// "All SQL is bound, never built from input": no string literal in Sources/ that reads as SQL may contain a
/// Swift interpolation `\(…)`, except the few listed below whose values are compile-time constants.
@Suite struct SQLSafetyTests {
    /// file suffix, interpolated expression, why it is safe.
    static let allowed: [(file: String, expression: String, why: String)] = [
        ("Sources/SQLiteDB/Database+Transaction.swift", "version", "PRAGMA user_version takes no parameter; `version` is an Int"),
        ("Sources/EvidenceModel/Store/EvidenceStore+Studies.swift", "column", "column names from a fixed array literal in mergeStudySQL"),
    ]

    static let keywords = try! NSRegularExpression(pattern:
        #"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|FROM|JOIN|MATCH|ORDER BY|GROUP BY|VALUES|LIMIT|ATTACH)\b"#)

    struct Finding: CustomStringConvertible {
        var file: String, line: Int, expression: String
        var description: String { "\(file):\(line): \\(\(expression)) inside SQL text" }
    }

    /// Every interpolation inside a string literal that contains an SQL keyword.
    static func scan(source: String, file: String) -> [Finding] {
        var findings: [Finding] = []
        let chars = Array(source.unicodeScalars)
        var i = 0
        var line = 1
        func lineAt(_ k: Int) -> Int { line }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1; i += 1; continue }
            // Skip comments.
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { if chars[i] == "\n" { line += 1 }; i += 1 }
                i += 2
                continue
            }
            guard c == "\"" else { i += 1; continue }
            let startLine = line
            let multi = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
            i += multi ? 3 : 1
            var literal = String.UnicodeScalarView()
            var interpolations: [String] = []
            while i < chars.count {
                if multi, chars[i] == "\"", i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" { i += 3; break }
                if !multi, chars[i] == "\"" { i += 1; break }
                if !multi, chars[i] == "\n" { break }
                if chars[i] == "\n" { line += 1 }
                if chars[i] == "\\", i + 1 < chars.count {
                    if chars[i + 1] == "(" {
                        // An interpolation: read to the matching parenthesis.
                        var depth = 1
                        var k = i + 2
                        var expr = String.UnicodeScalarView()
                        while k < chars.count && depth > 0 {
                            if chars[k] == "(" { depth += 1 }
                            if chars[k] == ")" { depth -= 1; if depth == 0 { break } }
                            if chars[k] == "\n" { line += 1 }
                            expr.append(chars[k])
                            k += 1
                        }
                        interpolations.append(String(expr))
                        literal.append(contentsOf: " ? ".unicodeScalars)
                        i = k + 1
                        continue
                    }
                    literal.append(chars[i]); literal.append(chars[i + 1]); i += 2
                    continue
                }
                literal.append(chars[i])
                i += 1
            }
            let text = String(literal)
            if !interpolations.isEmpty,
               keywords.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                for expr in interpolations { findings.append(Finding(file: file, line: startLine, expression: expr)) }
            }
        }
        return findings
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func noInterpolationReachesSQL() throws {
        let root = Self.packageRoot
        let enumerator = FileManager.default.enumerator(atPath: root + "/Sources")!
        var findings: [Finding] = []
        var files = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files += 1
            let path = "Sources/" + relative
            let source = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            findings += Self.scan(source: source, file: path)
        }
        #expect(files > 50)
        let unexplained = findings.filter { f in
            !Self.allowed.contains { $0.file == f.file && $0.expression.trimmingCharacters(in: .whitespaces) == f.expression.trimmingCharacters(in: .whitespaces) }
        }
        #expect(unexplained.isEmpty, "string interpolation reaches SQL text: \(unexplained)")
    }

    /// The scanner itself must see what it is meant to catch, in one-line and multi-line literals.
    @Test func scannerCatchesInterpolation() {
        let bad = #"""
            let a = db.query("SELECT * FROM studies WHERE id = '\(id)'")
            let b = """
                DELETE FROM claims
                WHERE source_id = \(sourceID)
                """
            // "SELECT \(commented)" is a comment
            let c = "Hello \(name)"
            let d = db.query("SELECT * FROM studies WHERE id = ?", [id])
            """#
        let found = Self.scan(source: bad, file: "x.swift").map(\.expression)
        #expect(found == ["id", "sourceID"])
    }
}

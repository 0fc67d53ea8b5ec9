import Foundation
import SQLiteDB
import EvidenceModel

/// The list envelope `{"data": [...], "meta": {"total", "limit", "next_cursor"}}`, or the same page as CSV.
struct ListPage {
    var items: [[UInt8]]
    var total: Int
    var limit: Int
    var nextCursor: String?
    /// `/v1/search`, and `/v1/studies` with a `q` in its default order: "relevance" or "recent", the order the
    /// items come in (see `SearchRoute` and `StudyRanking`); not written when nil.
    var order: String? = nil
    /// `/v1/studies`: the concept parameters whose value the lexicon did not know and that were matched as a
    /// phrase of the studies' text instead (`TextConceptMatch`); not written when nil.
    var matchedAsText: [String]? = nil

    func json() -> [UInt8] {
        var out = JSONBuffer(capacity: items.reduce(64) { $0 + $1.count + 1 })
        out.raw("{\"data\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw(item)
        }
        out.raw("],\"meta\":")
        out.object { meta in
            meta.field("total", total)
            meta.field("limit", limit)
            meta.field("next_cursor", nextCursor)
            if let order { meta.field("order", order) }
            if let matchedAsText { meta.stringArray("matched_as_text", matchedAsText) }
        }
        out.raw("}")
        return out.bytes
    }

    /// A CSV page: the header row is the listed object's columns (`ObjectShape.csvColumns`: nested objects
    /// flattened with dots, a list of objects as one column per field, values joined with "; "), the same on
    /// every page whatever the rows hold, so that pages can be concatenated.
    func csv(_ shape: ObjectShape) -> [UInt8] {
        let columns = shape.csvColumns
        var text = columns.map { CSVFlattener.escape($0.joined(separator: ".")) }.joined(separator: ",") + "\r\n"
        for item in items {
            let object = (try? JSONSerialization.jsonObject(with: Data(item))) ?? NSNull()
            text += columns.map { CSVFlattener.escape(CSVFlattener.cell(object, path: $0[...])) }.joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }
}

enum CSVFlattener {
    /// The text of one column of one object: the value at `path`; through a list, each element's value at the
    /// rest of the path, joined with "; " (empty for a null, so that the positions of parallel columns agree).
    static func cell(_ value: Any, path: ArraySlice<String>) -> String {
        guard let key = path.first else { return scalarText(value) }
        if let list = value as? [Any] {
            return list.map { cell($0, path: path) }.joined(separator: "; ")
        }
        guard let object = value as? [String: Any], let next = object[key] else { return "" }
        return cell(next, path: path.dropFirst())
    }

    static func scalarText(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let text as String: return text
        case let number as NSNumber:
            // JSON booleans arrive as NSNumbers of ObjC type "c" (char); JSON numbers never do.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let list as [Any]:
            return list.map(scalarText).joined(separator: "; ")
        default: return String(describing: value)
        }
    }

    /// RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula.
    static func escape(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Double(text) == nil { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

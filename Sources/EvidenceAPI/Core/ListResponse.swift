import Foundation
import SQLiteDB

/// The list envelope `{"data": [...], "meta": {"total", "limit", "next_cursor"}}`, or the same page as CSV.
struct ListPage {
    var items: [[UInt8]]
    var total: Int
    var limit: Int
    var nextCursor: String?
    /// `/v1/search`, and `/v1/studies` with a `q` in its default order: "relevance" or "recent", the order the
    /// items come in (see `SearchRoute` and `StudyRanking`); not written when nil.
    var order: String? = nil

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
        }
        out.raw("}")
        return out.bytes
    }

    /// A CSV page: a header row of the items' fields (nested objects flattened with dots), then one row per item;
    /// nested lists are joined with "; ".
    func csv() -> [UInt8] {
        let objects = items.compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        var columns: [String] = []
        var rows: [[String: String]] = []
        for object in objects {
            var flat: [String: String] = [:]
            CSVFlattener.flatten(object, prefix: "", into: &flat, columns: &columns)
            rows.append(flat)
        }
        var text = columns.map(CSVFlattener.escape).joined(separator: ",") + "\r\n"
        for row in rows {
            text += columns.map { CSVFlattener.escape(row[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }
}

enum CSVFlattener {
    static func flatten(_ value: Any, prefix: String, into flat: inout [String: String], columns: inout [String]) {
        if let object = value as? [String: Any] {
            // JSONSerialization does not keep key order; sort for a stable header.
            for key in object.keys.sorted() {
                flatten(object[key] ?? NSNull(), prefix: prefix.isEmpty ? key : prefix + "." + key, into: &flat, columns: &columns)
            }
            return
        }
        if !columns.contains(prefix) { columns.append(prefix) }
        flat[prefix] = scalarText(value)
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
            return list.map { item -> String in
                if let object = item as? [String: Any] {
                    // A list of objects: name the object by its most telling field.
                    for key in ["name", "id", "quote", "text"] { if let text = object[key] as? String { return text } }
                    return ""
                }
                return scalarText(item)
            }.joined(separator: "; ")
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

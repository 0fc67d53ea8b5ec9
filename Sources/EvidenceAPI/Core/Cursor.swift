import Crypto
import Foundation
import SQLiteDB

/// The opaque `next_cursor` of keyset pagination: the sort key values of the last item, bound to the query it
/// came from and sealed with a MAC, so that an edited or foreign cursor is a 400 and never a wrong page.
struct Cursor: Equatable {
    var keys: [SQLiteValue]
    /// A digest of the route, the filters and the sort the cursor belongs to.
    var scope: String

    // Not a secret that protects data (the data is public): it only makes tampering detectable.
    private static var key: SymmetricKey { SymmetricKey(data: Array("evidence-cursor-v1".utf8)) }

    /// The payload is the JSON array `[scope, {"i"|"r"|"t": key}…]`, written by hand: JSONSerialization and
    /// Foundation's string replacing were a tenth of a list page's time. `decode` reads any valid JSON.
    func encoded() -> String {
        var payload = JSONBuffer(capacity: 64 + scope.utf8.count)
        payload.raw("[")
        payload.string(scope)
        for value in keys {
            switch value {
            case .null, .blob: payload.raw(",null")
            case .integer(let number): payload.raw(",{\"i\":"); payload.raw(String(number)); payload.raw("}")
            // The bit pattern, so that the page boundary is the exact double (decimal text would round it).
            case .real(let number):
                payload.raw(",{\"r\":"); payload.raw(String(Int64(bitPattern: number.bitPattern))); payload.raw("}")
            case .text(let text): payload.raw(",{\"t\":"); payload.string(text); payload.raw("}")
            }
        }
        payload.raw("]")
        let mac = HMAC<SHA256>.authenticationCode(for: payload.bytes, using: Self.key)
        return Self.base64url(Array(mac.prefix(12)) + payload.bytes)
    }

    static func decode(_ text: String, scope: String) throws(APIError) -> Cursor {
        let invalid = APIError.badRequest("parameter 'cursor' is not a cursor this API issued for this query; start again without it")
        guard let data = base64urlDecode(text), data.count > 12 else { throw invalid }
        let mac = data.prefix(12)
        let payload = data.dropFirst(12)
        let expected = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        guard Data(expected.prefix(12)) == mac else { throw invalid }
        guard let items = try? JSONSerialization.jsonObject(with: Data(payload)) as? [Any],
              let storedScope = items.first as? String, storedScope == scope else { throw invalid }
        var keys: [SQLiteValue] = []
        for item in items.dropFirst() {
            if item is NSNull { keys.append(.null); continue }
            guard let object = item as? [String: Any] else { throw invalid }
            if let number = object["i"] as? NSNumber { keys.append(.integer(number.int64Value)) }
            else if let number = object["r"] as? NSNumber {
                keys.append(.real(Double(bitPattern: UInt64(bitPattern: number.int64Value))))
            }
            else if let text = object["t"] as? String { keys.append(.text(text)) }
            else { throw invalid }
        }
        return Cursor(keys: keys, scope: scope)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64url (RFC 4648 §5) without padding.
    static func base64url(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = min(3, bytes.count - index)
            var word = UInt32(bytes[index]) << 16
            if chunk > 1 { word |= UInt32(bytes[index + 1]) << 8 }
            if chunk > 2 { word |= UInt32(bytes[index + 2]) }
            for position in 0...chunk { out.append(alphabet[Int((word >> (18 - 6 * UInt32(position))) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func base64urlDecode(_ text: String) -> Data? {
        guard text.count < 4096, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

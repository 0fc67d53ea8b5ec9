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

    func encoded() -> String {
        var payload: [Any] = [scope]
        for value in keys {
            switch value {
            case .null: payload.append(NSNull())
            case .integer(let number): payload.append(["i": number])
            // The bit pattern, so that the page boundary is the exact double (decimal text would round it).
            case .real(let number): payload.append(["r": Int64(bitPattern: number.bitPattern)])
            case .text(let text): payload.append(["t": text])
            case .blob: payload.append(NSNull())
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
        let mac = HMAC<SHA256>.authenticationCode(for: data, using: Self.key)
        return Self.base64url(Data(mac.prefix(12)) + data)
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

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
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

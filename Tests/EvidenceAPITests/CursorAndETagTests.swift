import Foundation
import SQLiteDB
import Testing
@testable import EvidenceAPI

/// The hand-written cursor payload and base64url, and the four-lane ETag hash.
@Suite struct CursorAndETagTests {
    @Test func aCursorRoundTripsEveryKindOfKey() throws {
        let keys: [SQLiteValue] = [.integer(-42), .real(0.1 + 0.2), .text("st_\"quoted\"\\ «é» /slash\n"), .null, .integer(Int64.max)]
        let scope = "/v1/search&q=caf\u{e9}&order=recent"
        let decoded = try Cursor.decode(Cursor(keys: keys, scope: scope).encoded(), scope: scope)
        #expect(decoded.keys == keys)
        #expect(throws: APIError.self) { try Cursor.decode(Cursor(keys: keys, scope: scope).encoded(), scope: scope + "x") }
    }

    @Test func base64urlMatchesFoundationWithoutPadding() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 251) }
            let expected = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Cursor.base64url(bytes) == expected, "length \(length)")
        }
    }

    @Test func theETagChangesWithAnyByteAndOnlyThen() {
        let body = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(ETag.of(body) == ETag.of(body))
        #expect(ETag.of(body).utf8.count == 16)
        var seen: Set<String> = [ETag.of(body)]
        // One byte changed in each lane of the 32-byte steps and in the 8-byte and 1-byte tails.
        for position in [0, 9, 18, 27, 31, 32 * 31 - 1, 32 * 31 + 3, 995, 999] {
            var changed = body
            changed[position] ^= 1
            seen.insert(ETag.of(changed))
        }
        seen.insert(ETag.of(Array(body.dropLast())))
        seen.insert(ETag.of([]))
        #expect(seen.count == 11)
    }
}

import Crypto

/// Ids that stay the same across re-ingest: derived from what identifies a thing, never from row order.
package enum StableID {
    package static func hash(_ text: String, length: Int = 12) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return String(hex(digest).prefix(length))
    }

    /// Lower-case hex of bytes, without String(format:), which the ingest profile showed to be costly.
    package static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func study(identityKey: String) -> String { "st_" + hash(identityKey) }
    package static func claim(sourceID: String, span: TextSpan) -> String { "cl_" + hash("\(sourceID):\(span.start):\(span.end)") }
    package static func comment(sourceID: String, number: Int, span: TextSpan) -> String {
        "cm_" + hash("\(sourceID):\(number):\(span.start)")
    }

    /// A readable source id from its file name: lower-case letters, digits and dashes, without the extension.
    package static func sourceSlug(file: String) -> String {
        var name = Substring(file)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        var slug = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return String(slug.prefix(80))
    }
}

extension StableID {
    /// A finding is one study's result, as one source reports it, for one intervention (arm) and outcome.
    package static func finding(studyID: String, sourceID: String, intervention: String, arm: String?, outcome: String) -> String {
        "fd_" + hash("\(studyID)|\(sourceID)|\(intervention)|\(arm ?? "")|\(outcome)")
    }
}

/// The ETag of a data route's 200, known before its body is built: a hash of this process's random nonce, the data
/// generation the answer is read under (`ReadPool.generation`) and the normalised request (route, path values,
/// query items in a fixed order, JSON or CSV). A conditional GET whose tag still matches is answered 304 without
/// running the route's queries, and a 200 does not hash its body.
///
/// Why it is exact. The body is a function of the data and the request alone (cursors are sealed with a fixed key,
/// nothing depends on the clock), so one tag never stands for two different bodies within a generation, and the
/// tag is strong. The generation is read on the request's own connection before its read transaction starts, so
/// the body is at least as new as that generation, and any commit after it moves the generation (see `ReadPool`).
/// The generation counts from zero in each process, so the nonce keeps a tag issued before a restart (perhaps
/// before an ingest made while the server was down) from ever matching after it.
struct RepresentationTag: Sendable {
    private let nonce: UInt64

    init(nonce: UInt64 = UInt64.random(in: .min ... .max)) { self.nonce = nonce }

    /// The quoted tag for one answer. `variant` carries what else decides the bytes (a test's lowered rank limit).
    func tag(generation: Int, route: String, pathValues: [String], queryItems: [(name: String, value: String)],
             csv: Bool, variant: Int = 0) -> String {
        var hash = Fingerprint(seed: nonce)
        hash.add(UInt64(bitPattern: Int64(generation)))
        hash.add(UInt64(bitPattern: Int64(variant)))
        hash.add(csv ? 1 : 0)
        hash.add(route)
        for value in pathValues { hash.add(value) }
        hash.add(0xFF)   // path values and query items cannot run into each other
        // Only the order of repeated names can change an answer: items are sorted by name, stably.
        let ordered = queryItems.count > 1
            ? queryItems.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
            : queryItems
        for item in ordered {
            hash.add(item.name)
            hash.add(item.value)
        }
        return "\"" + hash.hex + "\""
    }
}

/// Two independent 64-bit multiply-xorshift lanes over length-prefixed strings: 128 bits, so that two requests
/// of one generation do not share a tag by accident. Not for adversaries: the nonce is unknown to clients, and
/// a forged match could only earn a 304 for a body the forger would have to hold already.
struct Fingerprint {
    private var a: UInt64
    private var b: UInt64

    init(seed: UInt64) {
        a = seed ^ 0x9e37_79b9_7f4a_7c15
        b = (seed &* 0xbf58_476d_1ce4_e5b9) ^ 0x94d0_49bb_1331_11eb
    }

    mutating func add(_ word: UInt64) {
        a = (a ^ word) &* 0x100_0000_01b3
        a ^= a >> 29
        b = (b ^ word ^ (word << 31)) &* 0xff51_afd7_ed55_8ccd
        b ^= b >> 33
    }

    mutating func add(_ text: String) {
        add(UInt64(text.utf8.count) | 1 << 63)
        var word: UInt64 = 0
        var filled = 0
        for byte in text.utf8 {
            word |= UInt64(byte) << (filled * 8)
            filled += 1
            if filled == 8 {
                add(word)
                word = 0
                filled = 0
            }
        }
        if filled > 0 { add(word) }
    }

    var hex: String {
        func padded(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return padded(a) + padded(b)
    }
}

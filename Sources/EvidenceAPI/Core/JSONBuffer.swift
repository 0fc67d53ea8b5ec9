import HTTPServer

/// Writes JSON straight into bytes: the envelopes and the few objects the API renders itself
/// (most objects come from the database already rendered).
struct JSONBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    mutating func raw(_ pointer: UnsafeRawBufferPointer) { bytes.append(contentsOf: pointer) }

    mutating func string(_ text: String) { JSONText.appendQuoted(text, to: &bytes) }

    mutating func value(_ text: String?) { if let text { string(text) } else { raw("null") } }
    mutating func value(_ number: Int?) { if let number { raw(String(number)) } else { raw("null") } }
    mutating func value(_ flag: Bool) { raw(flag ? "true" : "false") }
    mutating func value(_ number: Double?) {
        guard let number, number.isFinite else { raw("null"); return }
        if number == number.rounded(), abs(number) < 1e15 { raw(String(Int(number))) } else { raw(String(number)) }
    }

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        raw("{")
        var writer = ObjectWriter(buffer: self)
        body(&writer)
        self = writer.buffer
        raw("}")
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONBuffer, S.Element) -> Void) {
        raw("[")
        var first = true
        for item in items {
            if !first { raw(",") }
            first = false
            body(&self, item)
        }
        raw("]")
    }

    struct ObjectWriter {
        var buffer: JSONBuffer
        private var first = true

        init(buffer: JSONBuffer) { self.buffer = buffer }

        mutating func key(_ name: String) {
            if !first { buffer.raw(",") }
            first = false
            buffer.string(name)
            buffer.raw(":")
        }

        mutating func field(_ name: String, _ value: String?) { key(name); buffer.value(value) }
        mutating func field(_ name: String, _ value: Int?) { key(name); buffer.value(value) }
        mutating func field(_ name: String, _ value: Bool) { key(name); buffer.value(value) }
        mutating func field(_ name: String, _ value: Double?) { key(name); buffer.value(value) }
        mutating func rawField(_ name: String, _ json: String) { key(name); buffer.raw(json) }
        mutating func rawField(_ name: String, _ json: [UInt8]) { key(name); buffer.raw(json) }
        mutating func stringArray(_ name: String, _ values: [String]) {
            key(name)
            buffer.array(values) { $0.string($1) }
        }
        mutating func nested(_ name: String, _ body: (inout JSONBuffer) -> Void) {
            key(name)
            body(&buffer)
        }
    }
}

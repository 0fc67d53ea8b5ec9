/// What a query parameter accepts. The router validates every request against its route's parameters before
/// any query runs, and the OpenAPI document is generated from the same specs.
struct ParameterSpec: Sendable {
    enum Kind: Sendable {
        case text
        case integer(min: Int, max: Int)
        case boolean
        case choice([String])
    }

    var name: String
    var kind: Kind
    var description: String
    var required = false
    /// A regular expression the value must contain a match of, for the OpenAPI document (the handler checks
    /// the same rule itself, with a clearer message).
    var pattern: String? = nil
    /// False for a parameter the server accepts but the OpenAPI document leaves out (see `format`).
    var documented = true

    static func text(_ name: String, _ description: String, required: Bool = false) -> ParameterSpec {
        ParameterSpec(name: name, kind: .text, description: description, required: required)
    }
    static func integer(_ name: String, _ range: ClosedRange<Int>, _ description: String) -> ParameterSpec {
        ParameterSpec(name: name, kind: .integer(min: range.lowerBound, max: range.upperBound), description: description)
    }
    static func boolean(_ name: String, _ description: String) -> ParameterSpec {
        ParameterSpec(name: name, kind: .boolean, description: description)
    }
    static func choice(_ name: String, _ values: [String], _ description: String) -> ParameterSpec {
        ParameterSpec(name: name, kind: .choice(values), description: description)
    }

    static let limit = integer("limit", 1...100, "Items per page, 1 to 100 (default 20).")
    static let cursor = text("cursor", "The opaque `next_cursor` of the previous page.")
    /// Accepted as the contract says, but left out of the OpenAPI document: a generated client parses an
    /// operation's answer by its first media type, so a CSV answer on the JSON operation would fail to parse.
    /// The OpenAPI document offers each list's CSV as an operation of its own instead (`/v1/studies.csv`).
    static let format: ParameterSpec = {
        var spec = choice("format", ["json", "csv"], "`csv` answers the page as CSV (as does `Accept: text/csv`).")
        spec.documented = false
        return spec
    }()
    static let q = text("q", "Full-text search: plain words, \"quoted phrases\", prefix* and OR.")
}

/// The validated parameters of one request.
struct Parameters: Sendable {
    private var values: [String: String] = [:]

    /// Checks names, repeats and values against `specs`; the first problem is a 400 that names the fix.
    init(_ items: [(name: String, value: String)], specs: [ParameterSpec]) throws(APIError) {
        for item in items {
            guard let spec = specs.first(where: { $0.name == item.name }) else {
                let allowed = specs.map(\.name).joined(separator: ", ")
                throw .badRequest(allowed.isEmpty
                    ? "unknown parameter '\(Self.printable(item.name))'; this route takes no parameters"
                    : "unknown parameter '\(Self.printable(item.name))'; allowed: \(allowed)")
            }
            guard values[item.name] == nil else { throw .badRequest("parameter '\(item.name)' is given more than once") }
            guard !item.value.isEmpty else { throw .badRequest("parameter '\(item.name)' is empty") }
            guard item.value.unicodeScalars.count <= 500 else {
                throw .badRequest("parameter '\(item.name)' is longer than 500 characters")
            }
            guard !Self.hasControlCharacters(item.value) else {
                throw .badRequest("parameter '\(item.name)' contains control characters")
            }
            try Self.check(item.value, against: spec)
            values[item.name] = item.value
        }
        for spec in specs where spec.required && values[spec.name] == nil {
            throw .badRequest("parameter '\(spec.name)' is required")
        }
    }

    /// Control characters (Unicode category Cc) in a value. Nearly every value is ASCII, where that is a byte
    /// below 0x20 or 0x7F; only other values pay for the Unicode property look-up (2% of an uncached list page).
    static func hasControlCharacters(_ value: String) -> Bool {
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return value.utf8.contains { $0 < 0x20 || $0 == 0x7F } }
        return value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    private static func check(_ value: String, against spec: ParameterSpec) throws(APIError) {
        switch spec.kind {
        case .text: return
        case let .integer(min, max):
            guard let number = Int(value), (min...max).contains(number) else {
                throw .badRequest("parameter '\(spec.name)' must be an integer from \(min) to \(max), not '\(printable(value))'")
            }
        case .boolean:
            guard value == "true" || value == "false" else {
                throw .badRequest("parameter '\(spec.name)' must be true or false, not '\(printable(value))'")
            }
        case .choice(let choices):
            guard choices.contains(value) else {
                throw .badRequest("parameter '\(spec.name)' must be one of \(choices.joined(separator: ", ")), not '\(printable(value))'")
            }
        }
    }

    /// A value quoted back to the caller, shortened so an error never echoes a huge input.
    static func printable(_ value: String) -> String {
        value.count > 60 ? String(value.prefix(60)) + "…" : value
    }

    subscript(_ name: String) -> String? { values[name] }
    func int(_ name: String) -> Int? { values[name].flatMap(Int.init) }
    func bool(_ name: String) -> Bool? { values[name].map { $0 == "true" } }
    var limit: Int { int("limit") ?? 20 }
}

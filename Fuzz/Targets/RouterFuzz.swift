// libFuzzer target: query-parameter decoding and validation of every route, through the router
// (EvidenceAPI.handle, no sockets), against a database built from seeds/ (env FUZZ_DB).
//
// Input layout: byte 0 picks the route (path template; `{id}` is filled from the input or with a real id),
// byte 1 the method, then records separated by '\n': "name=value" where a name starting with a byte < 0x20
// is replaced by one of the route's own parameter names (so mutations explore valid names and bad values).
// The answer must never be a 5xx (a 503 only if the database is unreadable, which it is not here), error bodies
// must be problem+json that leaks no path, SQL or stack, and every 200 JSON list must have data and meta.
@testable import EvidenceAPI
@testable import HTTPServer
import Foundation

nonisolated(unsafe) var api: EvidenceAPI! = nil
nonisolated(unsafe) var sampleIDs: [String: [String]] = [:]

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> CInt {
    guard let path = ProcessInfo.processInfo.environment["FUZZ_DB"] else { fatalError("set FUZZ_DB to an ingested database") }
    api = EvidenceAPI(databasePath: path)
    for (route, list) in [("/v1/studies", "studies"), ("/v1/conditions", "conditions"), ("/v1/interventions", "interventions"),
                          ("/v1/sources", "sources"), ("/v1/claims", "claims"), ("/v1/comments", "comments")] {
        let r = api.handle(HTTPRequest(method: "GET", path: route, queryItems: [("limit", "5")]))
        if let obj = try? JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any],
           let data = obj["data"] as? [[String: Any]] {
            sampleIDs[list] = data.compactMap { $0["id"] as? String }
        }
    }
    return 0
}

let forbidden = ["/work", "/tmp", ".sqlite", "SELECT", "sqlite3", "Fatal error", ".swift:", "Swift/", "WHERE "]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard data.count >= 2 else { return 0 }
    let routes = EvidenceAPI.apiRoutes + [Route(path: "/openapi.json", summary: "", parameters: [], isList: false, schema: "") { _ in .json([]) }]
    let route = routes[Int(data[0]) % routes.count]
    let methods = ["GET", "GET", "GET", "HEAD", "OPTIONS", "POST"]
    let method = methods[Int(data[1]) % methods.count]
    var records = data.dropFirst(2).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
    // The path value: the first record when the route has one, else a known id.
    var path = route.path
    if path.contains("{id}") {
        let first = records.isEmpty ? [] : records.removeFirst()
        let plural = String(path.split(separator: "/")[1])
        let known = sampleIDs[plural] ?? []
        var value = String(decoding: first, as: UTF8.self)
        if let b = first.first, b < 0x20, !known.isEmpty { value = known[Int(b) % known.count] }
        if value.isEmpty { value = "x" }
        path = path.replacingOccurrences(of: "{id}", with: value)
    }
    var items: [(name: String, value: String)] = []
    for record in records.prefix(16) {
        let parts = record.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
        var name = String(decoding: parts[0], as: UTF8.self)
        if let b = parts[0].first, b < 0x20 {
            let names = route.parameters.map(\.name) + ["format", "limit", "cursor", "q"]
            name = names[Int(b) % names.count]
        }
        let value = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
        items.append((name, value))
    }
    var headers = HTTPHeaders()
    if data[1] & 0x80 != 0 { headers.add(name: "Accept", value: "text/csv") }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    let request = HTTPRequest(method: method, path: path, pathSegments: segments, queryItems: items, headers: headers)
    let response = api.handle(request)
    guard response.status < 500 else {
        fatalError("\(response.status) for \(method) \(path) \(items): \(String(decoding: response.body, as: UTF8.self))")
    }
    let contentType = response.headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
    if response.status >= 400 {
        precondition(contentType.hasPrefix("application/problem+json"), "error without problem+json: \(contentType)")
        let body = String(decoding: response.body, as: UTF8.self)
        for word in forbidden where body.contains(word) {
            // The detail may echo a user-supplied value; only complain when the input did not contain the word.
            let input = String(decoding: data, as: UTF8.self)
            if !input.contains(word) { fatalError("error body leaks '\(word)': \(body)") }
        }
        guard let obj = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              obj["status"] as? Int == response.status, obj["title"] is String else {
            fatalError("malformed problem body: \(body)")
        }
    } else if response.status == 200 && method == "GET" && contentType.hasPrefix("application/json") {
        guard (try? JSONSerialization.jsonObject(with: Data(response.body))) != nil else {
            fatalError("200 with invalid JSON for \(path) \(items)")
        }
    }
    return 0
}

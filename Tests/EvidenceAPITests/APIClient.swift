import Foundation
import HTTPServer
@testable import EvidenceAPI

/// Calls the API's handler directly (router mode, no socket), as the server would.
struct APIClient {
    let api: EvidenceAPI

    func get(_ target: String, method: String = "GET", headers: [(String, String)] = []) -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        let path = String(parts[0])
        var items: [(name: String, value: String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                let decode = { (s: Substring) in (String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)) }
                items.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
            }
        }
        var request = HTTPRequest(method: method, path: path, queryItems: items)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return api.handle(request)
    }

    func json(_ target: String) throws -> [String: Any] {
        let response = get(target)
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw NSError(domain: "not an object", code: response.status)
        }
        return object
    }

    /// Every page of a list, following `next_cursor` (at most `maxPages`), as parsed bodies.
    func pages(_ target: String, maxPages: Int = 500) throws -> [[String: Any]] {
        var bodies: [[String: Any]] = []
        var next: String?
        repeat {
            let body = try json(next.map { target + "&cursor=" + $0 } ?? target)
            bodies.append(body)
            next = (body["meta"] as? [String: Any])?["next_cursor"] as? String
        } while next != nil && bodies.count < maxPages
        return bodies
    }

    func ids(_ target: String) throws -> [String] {
        (try json(target)["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}

extension HTTPResponse {
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    var text: String { String(decoding: body, as: UTF8.self) }
}

// A trivial server over the HTTPServer module for black-box tests and wrk runs:
// every path answers ~1 KB of JSON, except /sleep?ms=N, /big?bytes=N and /metrics.
// Environment: PORT (default 8080, 0 = ephemeral), THREADS, HANDLER_STALL_MS, MAX_HANDLERS, ACCESS_LOG (0/1),
// HEADER_TIMEOUT, IDLE_TIMEOUT (seconds). Prints "listening on PORT" once bound.
import Foundation
import HTTPServer

let env = ProcessInfo.processInfo.environment
var configuration = ServerConfiguration(port: Int(env["PORT"] ?? "8080") ?? 8080)
if let threads = env["THREADS"].flatMap(Int.init) { configuration.threads = threads }
if let ms = env["HANDLER_STALL_MS"].flatMap(Double.init) { configuration.handlerStallThreshold = ms / 1000 }
if let count = env["MAX_HANDLERS"].flatMap(Int.init) { configuration.maxConcurrentHandlers = count }
configuration.accessLog = env["ACCESS_LOG"] != "0"
if let t = env["HEADER_TIMEOUT"].flatMap(Double.init) { configuration.headerReadTimeout = t }
if let t = env["IDLE_TIMEOUT"].flatMap(Double.init) { configuration.keepAliveTimeout = t }
if let host = env["HOST"] { configuration.host = host }

let item = #"{"id":"st_0001","title":"Vitamin K2 and vascular calcification","design":"rct","dose_mcg":180}"#
let json = Array(("[" + Array(repeating: item, count: 11).joined(separator: ",") + "]").utf8)

let box = MetricsBox()
let server = HTTPServer(configuration: configuration) { request in
    switch request.path {
    case "/sleep":
        let ms = Int(request.query("ms") ?? "0") ?? 0
        Thread.sleep(forTimeInterval: Double(ms) / 1000)
        return HTTPResponse(status: 200, body: Array("slept".utf8))
    case "/big":
        let count = Int(request.query("bytes") ?? "0") ?? 0
        return HTTPResponse(status: 200, body: [UInt8](repeating: 120, count: count))
    case "/metrics":
        return HTTPResponse(status: 200, headers: [(name: "Content-Type", value: "text/plain")],
                            body: Array((box.server?.metrics.prometheusText() ?? "").utf8))
    default:
        var response = HTTPResponse(status: 200, headers: [(name: "Content-Type", value: "application/json")], body: json)
        response.routeLabel = "/q"
        return response
    }
}
box.server = server

/// Lets the handler reach the server's metrics; set once before start.
final class MetricsBox: @unchecked Sendable {   // written once before any request is served
    var server: HTTPServer?
}

do {
    let port = try server.start()
    FileHandle.standardError.write(Data("listening on \(port)\n".utf8))
    server.runUntilSignalled()
    exit(0)
} catch {
    FileHandle.standardError.write(Data("cannot start: \(error)\n".utf8))
    exit(1)
}

import EvidenceAPI
import Foundation
import HTTPServer
import Synchronization

/// Wires the API to the HTTP server and runs until SIGTERM or SIGINT.
enum Server {
    static func run(databasePath: String, host: String, port: Int) throws {
        // The API renders the server's metrics, and the server calls the API: the box breaks the cycle.
        let serverBox = Mutex<HTTPServer?>(nil)
        let api = EvidenceAPI(databasePath: databasePath) {
            serverBox.withLock { $0?.metrics.prometheusText() } ?? ""
        }
        do {
            try api.verifyDatabase()
        } catch {
            printError("cannot serve \(databasePath): \(error)")
            throw ExitCode.failure
        }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        let server = HTTPServer(configuration: configuration) { request in api.handle(request) }
        serverBox.withLock { $0 = server }
        let bound: Int
        do {
            bound = try server.start()
        } catch {
            printError("cannot listen on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        Diagnostics.logger.info("serving", metadata: ["database": "\(databasePath)", "url": "http://\(shown):\(bound)"])
        server.runUntilSignalled()
        Diagnostics.logger.info("stopped")
    }
}

import ArgumentParser

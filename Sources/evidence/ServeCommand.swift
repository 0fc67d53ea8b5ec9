import ArgumentParser
import Foundation
import Ingest
import EvidenceModel

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the evidence API over HTTP.",
        discussion: """
            When the database file does not exist, it is first built from the bundled seeds/ folder, so
            `evidence serve` alone gives a working service. Stops gracefully on SIGTERM and SIGINT.
            """
    )

    @Option(name: .long, help: "The SQLite database to serve (default: $EVIDENCE_DB or evidence.sqlite).")
    var db: String?

    @Option(name: .long, help: "The address to listen on (default: $EVIDENCE_HOST or 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The port to listen on (default: $EVIDENCE_PORT or 8080).")
    var port: Int?

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let path = db ?? Environment.value("EVIDENCE_DB") ?? "evidence.sqlite"
        let address = host ?? Environment.value("EVIDENCE_HOST") ?? "127.0.0.1"
        var listenPort = 8080
        if let port { listenPort = port } else if let text = Environment.value("EVIDENCE_PORT") {
            guard let value = Int(text), (0...65_535).contains(value) else {
                printError("EVIDENCE_PORT must be a port number, not '\(text)'")
                throw ExitCode(2)
            }
            listenPort = value
        }
        if !FileManager.default.fileExists(atPath: path) {
            try buildFromSeeds(into: path)
        }
        try Server.run(databasePath: path, host: address, port: listenPort)
    }

    private func buildFromSeeds(into path: String) throws {
        let seeds: String
        do {
            seeds = try ResourceLocator.standard.locate("seeds")
        } catch {
            printError("\(path) does not exist and \(error)")
            throw ExitCode(1)
        }
        Diagnostics.logger.info("building the database from the bundled seeds", metadata: ["database": "\(path)", "seeds": "\(seeds)"])
        do {
            let summary = try IngestRunner.run(paths: [seeds], databasePath: path, json: false, followSymlinks: false, quiet: true)
            Diagnostics.logger.info("seeds ingested", metadata: ["added": "\(summary.added)", "failed": "\(summary.failed)"])
        } catch {
            printError("cannot build \(path) from the seeds: \(error)")
            throw ExitCode(1)
        }
    }
}

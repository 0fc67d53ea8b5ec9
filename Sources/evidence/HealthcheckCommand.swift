import ArgumentParser
import Foundation

/// Asks a running server's /health and exits 0 when it answers 200, else 1. For container health checks,
/// where the slim image has no curl.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exits 0 when the server's /health answers 200, 1 otherwise."
    )

    @Option(name: .long, help: "The server's address (default: $EVIDENCE_HOST or 127.0.0.1; 0.0.0.0 means 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The server's port (default: $EVIDENCE_PORT or 8080).")
    var port: Int?

    @Option(name: .long, help: "Seconds to wait for the answer.")
    var timeout: Double = 3

    func run() throws {
        var address = host ?? Environment.value("EVIDENCE_HOST") ?? "127.0.0.1"
        if address == "0.0.0.0" || address == "::" { address = "127.0.0.1" }
        let target = port ?? Environment.value("EVIDENCE_PORT").flatMap(Int.init) ?? 8080
        let status = HealthProbe.status(host: address, port: target, timeout: timeout)
        guard status == 200 else {
            printError("health check failed: \(status.map { "status \($0)" } ?? "no answer")")
            throw ExitCode(1)
        }
        print("ok")
    }
}

import ArgumentParser
import Foundation

/// The `evidence` command line: a thin layer over the Ingest and EvidenceAPI modules.
@main
struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Turns health documents into an evidence base in SQLite and serves it as a JSON API.",
        discussion: """
            Environment: EVIDENCE_DB, EVIDENCE_HOST and EVIDENCE_PORT set the defaults of --db, --host and --port
            (flags win). Exit codes: 0 success, 1 a document or the database failed, 2 a usage error.
            """,
        subcommands: [IngestCommand.self, ServeCommand.self, HealthcheckCommand.self]
    )

    /// Parses and runs, mapping every usage error to one line on stderr and exit code 2, as the contract says.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, help COMMAND, --version: print the full text.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
                FileHandle.standardError.write(Data("error: \(message) (see 'evidence --help')\n".utf8))
                Foundation.exit(2)
            }
            FileHandle.standardError.write(Data("error: \(message(for: error))\n".utf8))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}

/// A failure to report on stderr in one line, then exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
}

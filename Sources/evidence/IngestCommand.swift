import ArgumentParser
import Foundation
import Ingest

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Reads .txt, .md and .html documents under the given paths and stores what they say.",
        discussion: """
            Each document is stored in its own transaction. Prints one line per document (added, updated,
            unchanged, or failed: <reason>) and a summary. Exit 0 when every document was ingested, 1 when any
            failed (the others are still stored), 2 for a usage error.
            """
    )

    @Option(name: .long, help: "The SQLite database to write (default: $EVIDENCE_DB or evidence.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Print JSON lines instead of text.")
    var json = false

    @Flag(name: .long, help: "Follow symlinks that lead outside the given folders.")
    var followSymlinks = false

    @Argument(help: "Files and folders to ingest (folders are read recursively).")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        let path = db ?? Environment.value("EVIDENCE_DB") ?? "evidence.sqlite"
        let summary: IngestSummary
        do {
            summary = try IngestRunner.run(paths: paths, databasePath: path, json: json, followSymlinks: followSymlinks)
        } catch {
            printError("cannot ingest into \(path): \(error)")
            throw ExitCode(1)
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

import Foundation
import Ingest
import EvidenceModel

struct IngestSummary {
    var added = 0, updated = 0, unchanged = 0, failed = 0, skipped = 0
    var bytes = 0
    var seconds = 0.0
    var total: Int { added + updated + unchanged + failed }
}

/// Runs an ingest and prints its reports: text or JSON lines on stdout, a progress line on a terminal's stderr.
enum IngestRunner {
    static func run(paths: [String], databasePath: String, json: Bool, followSymlinks: Bool,
                    quiet: Bool = false) throws -> IngestSummary {
        let pipeline = try Pipeline()
        let store = try EvidenceStore(path: databasePath, lexicon: pipeline.lexicon)
        var job = IngestJob(pipeline: pipeline, store: store)
        job.discovery = DocumentDiscovery(followExternalSymlinks: followSymlinks)
        let started = Date()
        var summary = IngestSummary()
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let outcome = job.run(paths) { report, done, total in
            switch report.status {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            case .failed: summary.failed += 1
            case .skipped: summary.skipped += 1
            }
            summary.bytes += report.bytes
            if !quiet { emit(report, json: json) }
            if showProgress && total >= 50 {
                FileHandle.standardError.write(Data("\r[\(done)/\(total)] \(summary.added + summary.updated) stored, \(summary.failed) failed ".utf8))
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
        summary.seconds = Date().timeIntervalSince(started)
        if let reason = outcome.abortReason { printError("stopped: \(reason)") }
        if !quiet { emitSummary(summary, json: json) }
        return summary
    }

    static func emit(_ report: DocumentReport, json: Bool) {
        if json {
            var object: [String: Any] = ["file": report.file, "bytes": report.bytes,
                                         "studies": report.studies, "claims": report.claims, "comments": report.comments]
            switch report.status {
            case .failed(let reason):
                object["status"] = "failed"
                object["reason"] = reason
            case .skipped(let reason):
                object["status"] = "skipped"
                object["reason"] = reason
            default:
                object["status"] = report.status.label
            }
            printJSON(object)
        } else {
            switch report.status {
            case .failed, .skipped:
                print("\(report.status.label)  \(report.file)")
            default:
                print("\(report.status.label)  \(report.file)  (\(counted(report.studies, "study", "studies")), "
                      + "\(counted(report.claims, "claim", "claims")), \(counted(report.comments, "comment", "comments")))")
            }
        }
    }

    /// "1 study", "2 studies".
    static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    static func emitSummary(_ summary: IngestSummary, json: Bool) {
        let megabytes = Double(summary.bytes) / 1_048_576
        if json {
            printJSON(["summary": ["documents": summary.total, "added": summary.added, "updated": summary.updated,
                                   "unchanged": summary.unchanged, "failed": summary.failed, "skipped": summary.skipped,
                                   "bytes": summary.bytes, "seconds": summary.seconds] as [String: Any]])
        } else {
            let skipped = summary.skipped > 0 ? ", \(summary.skipped) skipped" : ""
            print("\(counted(summary.total, "document", "documents")): \(summary.added) added, \(summary.updated) updated, "
                  + "\(summary.unchanged) unchanged, \(summary.failed) failed\(skipped) "
                  + String(format: "(%.2f MB in %.2f s)", megabytes, summary.seconds))
        }
    }

    static func printJSON(_ object: [String: Any]) {
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

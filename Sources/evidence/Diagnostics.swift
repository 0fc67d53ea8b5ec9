import Logging

/// Operator-facing diagnostics (start-up, database building, shutdown) on stderr through swift-log, so that
/// stdout carries only the access log's JSON lines (serve) or the per-document reports (ingest).
enum Diagnostics {
    static let logger: Logger = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        return Logger(label: "evidence")
    }()
}

import Foundation

/// What every event loop of one server shares: configuration, handler, metrics, the
/// access-log writer and the open-connection count. Immutable apart from the locked count.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let parserLimits: ParserLimits
    let handler: HTTPHandler
    let metrics: ServerMetrics
    let accessLog: AccessLogWriter?
    /// Starts a thread that takes over a loop whose handler runs too long.
    let watchdog: HandlerWatchdog
    /// Entered once per loop at start, left when that loop has ended (whichever thread ran it last).
    let loopsRunning = DispatchGroup()
    let serverLine: [UInt8]
    /// Random per process, so request ids from different runs do not collide.
    let requestIDPrefix: String

    init(configuration: ServerConfiguration, handler: @escaping HTTPHandler, metrics: ServerMetrics) {
        self.configuration = configuration
        self.parserLimits = configuration.parserLimits
        self.handler = handler
        self.metrics = metrics
        self.accessLog = configuration.accessLog ? AccessLogWriter(metrics: metrics, fd: configuration.accessLogDescriptor) : nil
        self.watchdog = HandlerWatchdog(threshold: configuration.handlerStallThreshold, metrics: metrics)
        let safeName = configuration.serverName.utf8.allSatisfy(ASCII.isFieldValue) ? configuration.serverName : "swift-http"
        self.serverLine = Array("Server: \(safeName)\r\n".utf8)
        self.requestIDPrefix = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16) + "-"
    }

    /// Set when shutdown begins, so a response finished before its loop hears of the
    /// shutdown still says `Connection: close`.
    let shuttingDown = Locked(false)

    var openConnectionCount: Int { metrics.openConnections.withLock { $0 } }
    func connectionOpened() {
        metrics.openConnections.withLock { $0 += 1 }
        watchdog.connectionOpened()
    }

    func connectionClosed() {
        metrics.openConnections.withLock { $0 -= 1 }
        watchdog.connectionClosed()
    }

    /// Each loop's share of `maxConcurrentHandlers`.
    var handlersPerLoop: Int {
        let loops = max(1, configuration.threads)
        return max(1, (configuration.maxConcurrentHandlers + loops - 1) / loops)
    }
}

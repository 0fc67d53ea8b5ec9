/// Deadlines: which timeout applies to a connection now, and the periodic sweep that
/// enforces them (O(connections) per tick, no timer objects).
extension EventLoop {
    func updateDeadline(_ connection: Connection, now: UInt64) {
        guard !connection.lingering else { return }
        if connection.inFlight {
            // The handler's time is not the client's fault: no deadline until it answers.
            connection.deadlineKind = .idle
            connection.deadline = .max
            return
        }
        let c = shared.configuration
        if connection.hasPendingOutput {
            connection.deadlineKind = .write
            connection.deadline = connection.lastWriteProgress + nanos(c.writeTimeout)
            return
        }
        switch connection.parser.phase {
        case .idle:
            connection.deadlineKind = .idle
            // A fresh connection gets the header timeout to send its first byte; a reused
            // one gets the keep-alive timeout.
            let allowed = connection.requestsServed == 0 ? c.headerReadTimeout : c.keepAliveTimeout
            connection.deadline = connection.idleSince + nanos(allowed)
        case .head:
            // Counted from the first byte of the head, never reset by trickled bytes.
            if connection.headStartedAt == 0 { connection.headStartedAt = now }
            connection.deadlineKind = .head
            connection.deadline = connection.headStartedAt + nanos(c.headerReadTimeout)
        case .body:
            if connection.bodyStartedAt == 0 { connection.bodyStartedAt = now }
            connection.deadlineKind = .body
            connection.deadline = connection.bodyStartedAt + nanos(c.bodyReadTimeout)
        }
    }

    func sweep(now: UInt64) {
        handOffLog()
        let expired = connections.values.filter { $0.deadline <= now }
        // A connection whose handler runs (on a stalled thread) has no deadline until it answers.
        for connection in expired where !connection.isClosed && !connection.inFlight {
            switch connection.deadlineKind {
            case .idle, .write, .linger:
                close(connection)
            case .head, .body:
                // A request started but did not arrive in time: 408, then close.
                respond(connection, toError: .requestTimeout)
                flush(connection)
                if !connection.isClosed, connection.hasPendingOutput {
                    connection.deadlineKind = .write
                    connection.deadline = now + nanos(shared.configuration.writeTimeout)
                }
            }
        }
    }
}

import Foundation
import SQLiteDB
import Testing

/// A corrupt, truncated or locked database gives a clear one-line error and a non-zero exit. (Disk full and a
/// read-only mount need root and a tmpfs: scripts/reliability/db-faults.sh.)
@Suite(.serialized) struct FaultTests {
    func seedDatabase(_ folder: String) throws -> String {
        let db = folder + "/e.sqlite"
        let r = try Tool.run(["ingest", "--db", db, Tool.packageRoot + "/seeds"])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    func expectCleanFailure(_ r: Tool.Result, _ what: String) {
        #expect(r.status != 0, "\(what): exit 0")
        #expect(!r.stderr.isEmpty, "\(what): no error message")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains(".swift:"),
                "\(what): crash instead of an error: \(r.stderr)")
    }

    @Test func randomBytesAreRefused() throws {
        let folder = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/garbage.sqlite"
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        _ = FileManager.default.createFile(atPath: db, contents: Data(bytes))
        expectCleanFailure(try Tool.run(["ingest", "--db", db, Tool.packageRoot + "/seeds"]), "ingest into random bytes")
        expectCleanFailure(try Tool.run(["serve", "--db", db, "--port", "0"]), "serve random bytes")
    }

    @Test func truncatedFileIsRefused() throws {
        let folder = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try seedDatabase(folder)
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        #expect(truncate(db, off_t(size / 3)) == 0)
        let r = try Tool.run(["ingest", "--db", db, Tool.packageRoot + "/seeds"])
        // A truncated file may still open; then the ingest must either fail cleanly or leave an intact file.
        if r.status == 0 {
            let check = try Database(path: db, mode: .readOnly)
            #expect(try check.integrityCheck() == "ok", "exit 0 on a truncated file that is not ok")
        } else {
            expectCleanFailure(r, "ingest into a truncated file")
        }
    }

    @Test func lockedDatabaseFailsCleanly() throws {
        let folder = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try seedDatabase(folder)
        let holder = try Database(path: path, mode: .readWrite(create: false))
        try holder.execute("BEGIN EXCLUSIVE")
        defer { try? holder.execute("ROLLBACK") }
        let docs = try Tool.corpus(in: folder, copies: 1)
        let started = Date()
        let r = try Tool.run(["ingest", "--db", path, docs])
        expectCleanFailure(r, "ingest into a locked database")
        #expect(Date().timeIntervalSince(started) < 60, "a locked database must not hang the ingest")
    }
}

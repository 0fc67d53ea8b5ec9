import Foundation
import SQLiteDB
import Testing

/// The short version of scripts/reliability/crash-safety.sh: kill -9 an ingest a few times at random moments;
/// the file stays valid, holds only whole documents, and a second ingest completes the rest.
@Suite(.serialized) struct CrashSafetyTests {
    static func counts(_ path: String) throws -> [String: String] {
        let db = try Database(path: path, mode: .readOnly)
        let rows = try db.query(Tool.countsSQL) { $0.text(0) }
        var byFile: [String: String] = [:]
        for row in rows { byFile[String(row.split(separator: "|")[0])] = row }
        return byFile
    }

    @Test func killNineLeavesWholeDocuments() throws {
        let folder = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docs = try Tool.corpus(in: folder, copies: 8)
        let clean = folder + "/clean.sqlite"
        let reference = try Tool.run(["ingest", "--db", clean, docs])
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try Self.counts(clean)

        let crashed = folder + "/crashed.sqlite"
        var kills = 0
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let p = Tool.process(["ingest", "--db", crashed, docs])
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 20_000...400_000, using: &generator))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
            guard FileManager.default.fileExists(atPath: crashed) else { continue }
            let db = try Database(path: crashed, mode: .readWrite(create: false))
            #expect(try db.integrityCheck() == "ok")
            // Killed after the file was created but before the schema committed: a valid, empty database.
            guard try db.userVersion() > 0 else { continue }
            let stored = try Self.counts(crashed)
            for (file, row) in stored { #expect(expected[file] == row, "\(file) is not whole after kill -9") }
        }
        let finish = try Tool.run(["ingest", "--db", crashed, docs])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(try Self.counts(crashed) == expected)
        #expect(kills >= 1)
    }
}

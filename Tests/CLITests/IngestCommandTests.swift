import Foundation
import Testing

@Suite struct IngestCommandTests {
    @Test func ingestsSeedsThenFindsThemUnchanged() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/e.sqlite"
        let first = try CommandRunner.run(["ingest", "--db", db, CommandRunner.packageRoot + "/seeds"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.components(separatedBy: "\nadded ").count + (first.stdout.hasPrefix("added") ? 1 : 0) >= 3)
        #expect(first.stdout.contains("3 documents: 3 added"))
        let second = try CommandRunner.run(["ingest", "--db", db, CommandRunner.packageRoot + "/seeds"])
        #expect(second.stdout.contains("3 unchanged"))
    }

    @Test func badDocumentsFailAloneWithReasonsAndExitOne() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: docs + "/empty.txt"))
        try Data([0x61, 0x00, 0x62]).write(to: URL(fileURLWithPath: docs + "/binary.txt"))
        try Data([0x61, 0x62, 0xC3, 0x28]).write(to: URL(fileURLWithPath: docs + "/latin.txt"))
        try Data("Vitamin K2 may slow arterial calcification.".utf8).write(to: URL(fileURLWithPath: docs + "/good.txt"))
        let result = try CommandRunner.run(["ingest", "--db", folder + "/e.sqlite", "--json", docs])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let byFile = Dictionary(uniqueKeysWithValues: lines.compactMap { line in (line["file"] as? String).map { ($0, line) } })
        #expect(byFile["good.txt"]?["status"] as? String == "added")
        #expect((byFile["empty.txt"]?["reason"] as? String) == "empty file")
        #expect((byFile["binary.txt"]?["reason"] as? String)?.contains("byte offset 1") == true)
        #expect((byFile["latin.txt"]?["reason"] as? String) == "invalid UTF-8 at byte offset 2")
        #expect(lines.last?["summary"] != nil)
    }

    @Test func refusesSymlinksLeavingTheFolderUnlessTold() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docs = folder + "/docs", outside = folder + "/outside.txt"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data("Calcium supplements and bone density.".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: docs + "/link.txt", withDestinationPath: outside)
        let refused = try CommandRunner.run(["ingest", "--db", folder + "/e.sqlite", docs])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("symlink"))
        let allowed = try CommandRunner.run(["ingest", "--db", folder + "/e.sqlite", "--follow-symlinks", docs])
        #expect(allowed.status == 0)
    }

    @Test func aCorruptDatabaseIsAClearErrorAndExitOne() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(repeating: 0x42, count: 10_000).write(to: URL(fileURLWithPath: folder + "/bad.sqlite"))
        let result = try CommandRunner.run(["ingest", "--db", folder + "/bad.sqlite", CommandRunner.packageRoot + "/seeds"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a database"))
    }
}

@Suite struct IngestSkipTests {
    @Test func filesOfOtherTypesInAFolderAreReportedAsSkippedNotFailed() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data("%PDF-1.4 not read".utf8).write(to: URL(fileURLWithPath: docs + "/paper.pdf"))
        try Data("Vitamin D and bones\n\nA trial of 70 adults found that vitamin D did not reduce fractures.\n".utf8)
            .write(to: URL(fileURLWithPath: docs + "/note.txt"))
        let result = try CommandRunner.run(["ingest", "--db", folder + "/e.sqlite", docs])
        #expect(result.status == 0, "a skipped file is not a failure: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("skipped: unsupported type .pdf  paper.pdf"))
        #expect(result.stdout.contains("1 skipped"))
        #expect(result.stdout.contains("1 document: 1 added"), "\(result.stdout)")
        #expect(!result.stdout.contains("(1 studies"), "one study reads \"1 study\"")
    }
}

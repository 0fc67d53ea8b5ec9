import Foundation
import Testing

@Suite struct UsageTests {
    @Test func helpPrintsUsage() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: evidence"))
        #expect(help.stdout.contains("ingest") && help.stdout.contains("serve"))
        let ingest = try CommandRunner.run(["help", "ingest"])
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("--db"))
        #expect(ingest.stdout.contains("--json"))
    }

    @Test(arguments: [["--bogus"], ["ingest"], ["serve", "--port", "99999"], ["serve", "--port", "x"], ["nosuchcommand"]])
    func usageErrorsAreOneLineAndExitTwo(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(arguments)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func badEnvironmentPortIsAUsageError() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.run(["serve", "--db", folder + "/x.sqlite"], environment: ["EVIDENCE_PORT": "eighty"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("EVIDENCE_PORT"))
    }
}

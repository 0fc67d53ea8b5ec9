import Foundation
import Testing
@testable import Ingest
import EvidenceModel

/// Golden tests: the whole pipeline on the three seeds and on our own fixture documents, compared with
/// hand-written expectations (`*.expected.json`, conventions in `Golden/GoldenExpectation.swift`).
///
/// Each table has its own test so that a failure says which stage is wrong; `goldenReport` prints recall
/// and precision per table for seeds and fixtures, for tracking progress (and EVALUATION.md).
@Suite("Golden extractions")
struct GoldenTests {
    static let cases: [GoldenCase] = GoldenCase.all()

    @Test("studies", arguments: cases)
    func studies(_ golden: GoldenCase) throws {
        let evaluation = try golden.evaluate()
        #expect(evaluation.studyProblems.isEmpty, Comment(rawValue: "\(golden.name):\n  " + evaluation.studyProblems.joined(separator: "\n  ")))
    }

    @Test("claims", arguments: cases)
    func claims(_ golden: GoldenCase) throws {
        let evaluation = try golden.evaluate()
        #expect(evaluation.claimProblems.isEmpty, Comment(rawValue: "\(golden.name):\n  " + evaluation.claimProblems.joined(separator: "\n  ")))
    }

    @Test("comments", arguments: cases)
    func comments(_ golden: GoldenCase) throws {
        let evaluation = try golden.evaluate()
        #expect(evaluation.commentProblems.isEmpty, Comment(rawValue: "\(golden.name):\n  " + evaluation.commentProblems.joined(separator: "\n  ")))
    }

    @Test("source metadata", arguments: cases)
    func source(_ golden: GoldenCase) throws {
        let evaluation = try golden.evaluate()
        #expect(evaluation.sourceProblems.isEmpty, Comment(rawValue: "\(golden.name):\n  " + evaluation.sourceProblems.joined(separator: "\n  ")))
    }

    @Test("every genre has at least two fixtures, in three layouts")
    func fixtureCoverage() throws {
        let fixtures = Self.cases.filter { !$0.isSeed }
        var genres: [String: Int] = [:]
        for golden in fixtures {
            if let kind = try golden.expectation().source.kind { genres[kind, default: 0] += 1 }
        }
        for kind in ["press_release", "news_article", "medical_qa", "blog_post", "forum_thread", "abstract"] {
            #expect(genres[kind, default: 0] >= 2, "fewer than two fixtures of kind \(kind)")
        }
        let layouts = Set(fixtures.map { ($0.name as NSString).pathExtension })
        #expect(layouts.isSuperset(of: ["txt", "md", "html"]))
        #expect(Self.cases.filter(\.isSeed).count == 3)
    }

    /// Prints the per-table figures. Never fails: the table tests above do.
    @Test("report: recall and precision per table")
    func goldenReport() throws {
        var lines = ["golden report          studies R/P (attr)     claims R/P (attr)      comments R/P (attr)"]
        for isSeed in [true, false] {
            var studies = TableScore(), claims = TableScore(), comments = TableScore()
            for golden in Self.cases where golden.isSeed == isSeed {
                let evaluation = try golden.evaluate()
                studies = studies + evaluation.studies
                claims = claims + evaluation.claims
                comments = comments + evaluation.comments
                lines.append("  " + golden.name.padding(toLength: 34, withPad: " ", startingAt: 0)
                             + Self.cell(evaluation.studies) + Self.cell(evaluation.claims) + Self.cell(evaluation.comments))
            }
            lines.append((isSeed ? "SEEDS    " : "FIXTURES ").padding(toLength: 36, withPad: " ", startingAt: 0)
                         + Self.cell(studies) + Self.cell(claims) + Self.cell(comments))
        }
        print(lines.joined(separator: "\n"))
    }

    static func cell(_ score: TableScore) -> String {
        func pct(_ value: Double) -> String { String(Int((value * 100).rounded())) }
        let text = "\(pct(score.recall))/\(pct(score.precision)) (\(pct(score.attributeAccuracy))) [\(score.found)/\(score.expected)]"
        return text.padding(toLength: 24, withPad: " ", startingAt: 0)
    }
}

/// One golden document: the file to ingest and its expectation.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let name: String
    let documentPath: String
    let expectationPath: String
    let isSeed: Bool

    var testDescription: String { name }

    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func all() -> [GoldenCase] {
        let fm = FileManager.default
        var cases: [GoldenCase] = []
        let seedExpectations = fixturesFolder.appendingPathComponent("seeds")
        for file in ((try? fm.contentsOfDirectory(atPath: seedExpectations.path)) ?? []).sorted()
        where file.hasSuffix(".expected.json") {
            let document = String(file.dropLast(".expected.json".count))
            cases.append(GoldenCase(name: document, documentPath: packageRoot.appendingPathComponent("seeds/\(document)").path,
                                    expectationPath: seedExpectations.appendingPathComponent(file).path, isSeed: true))
        }
        let documents = fixturesFolder.appendingPathComponent("documents")
        for file in ((try? fm.contentsOfDirectory(atPath: documents.path)) ?? []).sorted()
        where file.hasSuffix(".expected.json") {
            let document = String(file.dropLast(".expected.json".count))
            cases.append(GoldenCase(name: document, documentPath: documents.appendingPathComponent(document).path,
                                    expectationPath: documents.appendingPathComponent(file).path, isSeed: false))
        }
        return cases
    }

    func expectation() throws -> GoldenExpectation {
        try JSONDecoder().decode(GoldenExpectation.self, from: Data(contentsOf: URL(fileURLWithPath: expectationPath)))
    }

    func extract() throws -> Extraction {
        let reader = DocumentReader()
        let format = DocumentFormat(fileExtension: (documentPath as NSString).pathExtension) ?? .text
        let file = try reader.load(path: documentPath)
        // As ingest does: the HTML outline goes with the text to the comment stage.
        let read = try reader.read(file, format: format)
        return try SharedPipeline.get().extract(file: name, text: read.text, sha256: file.sha256, format: format, outline: read.outline)
    }

    func evaluate() throws -> GoldenEvaluation {
        GoldenEvaluation(extraction: try extract(), expected: try expectation(), lexicon: try SharedPipeline.get().lexicon)
    }
}

/// The pipeline is loaded once for all golden tests (loading the lexicon is the expensive part).
enum SharedPipeline {
    struct LoadError: Error, CustomStringConvertible { var description: String }

    static let loaded: Result<Pipeline, LoadError> = {
        do { return .success(try Pipeline(locator: .standard)) } catch { return .failure(LoadError(description: "\(error)")) }
    }()

    static func get() throws -> Pipeline { try loaded.get() }
}

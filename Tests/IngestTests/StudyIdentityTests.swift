import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// Which studies of different documents are one study: a name, a title, or a description specific enough
/// (year and two of condition, substance, size); never a vague description shared by chance.
@Suite struct StudyIdentityTests {
    func store(_ documents: [(file: String, text: String)]) throws -> Database {
        let folder = NSTemporaryDirectory() + "evidence-identity-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pipeline = try SharedPipeline.get()
        let store = try EvidenceStore(path: folder + "/e.sqlite", lexicon: pipeline.lexicon)
        for (index, document) in documents.enumerated() {
            try store.write(pipeline.extract(file: document.file, text: document.text, sha256: "h\(index)", format: .text))
        }
        return store.db
    }

    func studyCount(_ db: Database) throws -> Int { try db.queryFirst("SELECT count(*) FROM studies") { $0.int(0) } ?? -1 }

    @Test func vagueCaseReportsInTwoDocumentsAreTwoStudies() throws {
        let text = """
            A patient story

            A case report described a man with atherosclerosis who took vitamin K2 supplements.
            """
        let db = try store([("one.txt", text), ("two.txt", text.replacingOccurrences(of: "a man", with: "a woman"))])
        #expect(try studyCount(db) == 2)
        let keys = try db.query("SELECT identity_key FROM studies ORDER BY identity_key") { $0.text(0) }
        #expect(keys.allSatisfy { $0.contains("local:") }, "\(keys)")
    }

    @Test func aDatedSpecificDescriptionInTwoDocumentsIsOneStudy() throws {
        let first = """
            Calciphylaxis news

            A 2024 case report described one woman with calciphylaxis who took 360 mcg of vitamin K2 a day.
            """
        let second = """
            More on calciphylaxis

            A 2024 case report told of a single woman with calciphylaxis treated with vitamin K2.
            """
        let db = try store([("a.txt", first), ("b.txt", second)])
        #expect(try studyCount(db) == 1)
        #expect(try db.queryFirst("SELECT count(*) FROM study_reports") { $0.int(0) } == 2)
    }
}

import Foundation
import Testing
import EvidenceModel
import SQLiteDB

/// The stored model on its own: a new database gets the current schema, and a reader refuses what it cannot read.
@Suite struct SchemaTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString).sqlite").path
    }

    @Test func aNewDatabaseGetsTheCurrentVersion() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Database(path: path, mode: .readWrite(create: true))
        try Schema.prepare(db)
        #expect(try db.userVersion() == Schema.currentVersion)
        try Schema.verify(db)
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) }
        for table in ["sources", "studies", "claims", "comments", "concepts"] { #expect(tables.contains(table)) }
    }

    @Test func anEmptyFileIsNotAnEvidenceDatabase() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Database(path: path, mode: .readWrite(create: true))
        #expect(throws: SchemaError.notAnEvidenceDatabase) { try Schema.verify(db) }
    }

    @Test func aNewerDatabaseIsRefusedWithTheVersions() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Database(path: path, mode: .readWrite(create: true))
        try db.setUserVersion(Schema.currentVersion + 1)
        #expect(throws: SchemaError.newerThanThisBuild(found: Schema.currentVersion + 1, supported: Schema.currentVersion)) {
            try Schema.prepare(db)
        }
    }

    @Test func conceptKeysIgnoreCaseSpacesAndHyphens() {
        #expect(ConceptKey.normalize("MK-7") == ConceptKey.normalize("mk 7"))
        #expect(ConceptKey.normalize("End-Stage Renal Disease") == "endstagerenaldisease")
        #expect(ConceptKey.normalize("MK-7") != ConceptKey.normalize("MK-4"))
    }
}

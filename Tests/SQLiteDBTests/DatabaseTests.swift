import Foundation
import Testing
@testable import SQLiteDB

@Suite struct DatabaseTests {
    @Test func constraintViolationIsATypedErrorWithMessage() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        try db.run("INSERT INTO t (name) VALUES (?)", ["a"])
        let error = try #require(throws: SQLiteError.self) { try db.run("INSERT INTO t (name) VALUES (?)", ["a"]) }
        #expect(error.isConstraintViolation)
        #expect(error.extendedCode == 2067)   // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.message.contains("UNIQUE constraint failed: t.name"))
        #expect(error.sql?.contains("INSERT INTO t") == true)
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id))")
        let error = try #require(throws: SQLiteError.self) { try db.run("INSERT INTO c VALUES (?)", [99]) }
        #expect(error.extendedCode == 787)    // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 0)
        #expect(!db.isInTransaction)
        try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
        #expect(try db.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }

    @Test func aSavepointThatThrowsUndoesOnlyItsOwnWork() throws {
        struct Boom: Error {}
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        try db.transaction {
            try db.savepoint { try db.run("INSERT INTO t VALUES (1)") }
            var caught: (any Error)?
            do {
                try db.savepoint { () throws -> Void in
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            } catch {
                caught = error
            }
            #expect(caught is Boom)
            #expect(db.isInTransaction)   // the enclosing transaction goes on
            try db.savepoint { try db.run("INSERT INTO t VALUES (3)") }
        }
        #expect(try db.query("SELECT x FROM t ORDER BY x") { $0.int(0) } == [1, 3])
        // Outside a transaction a savepoint is a transaction of its own.
        try db.savepoint { try db.run("INSERT INTO t VALUES (4)") }
        #expect(!db.isInTransaction)
        #expect(try db.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 3)
    }

    @Test func readOnlyConnectionRefusesToWrite() throws {
        let file = try TemporaryDatabase()
        do {
            let writer = try file.open()
            try writer.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        for mode in [OpenMode.readOnly, .immutable] {
            let reader = try file.open(mode)
            #expect(try reader.queryFirst("SELECT x FROM t") { $0.int(0) } == 1)
            let error = try #require(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (2)") }
            #expect(error.isReadOnly)
        }
    }

    @Test func writerUsesWALAndReaderSeesCommitsThroughDataVersion() throws {
        let file = try TemporaryDatabase()
        let writer = try file.open()
        #expect(try writer.queryFirst("PRAGMA journal_mode") { $0.text(0) } == "wal")
        try writer.execute("CREATE TABLE t (x)")
        let reader = try file.open(.readOnly)
        let before = try reader.dataVersion()
        try writer.run("INSERT INTO t VALUES (1)")
        #expect(try reader.dataVersion() != before)
        #expect(try reader.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }

    @Test func openingAMissingFileReadOnlyFailsClearly() throws {
        let file = try TemporaryDatabase()
        let error = try #require(throws: SQLiteError.self) { try file.open(.readOnly) }
        #expect(error.message.contains("cannot open database"))
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsCorrupt() throws {
        let file = try TemporaryDatabase()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: file.path))
        let error = try #require(throws: SQLiteError.self) {
            let db = try file.open(.readOnly)
            _ = try db.userVersion()
        }
        #expect(error.isCorrupt)
    }

    @Test func pathsWithURICharactersOpen() throws {
        let file = try TemporaryDatabase()
        let odd = file.folder + "/odd ?#%name.sqlite"
        let db = try Database(path: odd)
        try db.execute("CREATE TABLE t (x)")
        #expect(FileManager.default.fileExists(atPath: odd))
    }

    @Test func fullTextSearchWorks() throws {
        try Database.checkCapabilities()
        let db = try Database(path: ":memory:")
        try db.execute("CREATE VIRTUAL TABLE docs USING fts5 (body, tokenize = 'porter')")
        try db.run("INSERT INTO docs (rowid, body) VALUES (1, ?), (2, ?)",
                   ["Vitamin K2 slowed arterial calcification", "Calcium intake and bone density"])
        let hits = try db.query("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank", ["calcif*"]) { $0.int(0) }
        #expect(hits == [1])
        let phrase = try db.query("SELECT rowid FROM docs WHERE docs MATCH ?", ["\"bone density\""]) { $0.int(0) }
        #expect(phrase == [2])
    }

    @Test func diskFullIsReportedAsFull() throws {
        let file = try TemporaryDatabase()
        let db = try file.open()
        try db.execute("CREATE TABLE t (x)")
        let pages = try db.queryFirst("PRAGMA page_count") { $0.int(0) } ?? 1
        try db.execute("PRAGMA max_page_count = \(pages + 2)")
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                for _ in 0..<200 { try db.run("INSERT INTO t VALUES (?)", [String(repeating: "x", count: 4000)]) }
            }
        }
        #expect(error.isFull)
        #expect(!db.isInTransaction)
    }
}

@Suite struct DeadlineTests {
    @Test func aStatementPastItsTimeLimitIsInterruptedAndTheConnectionStaysUsable() throws {
        let db = try Database(path: ":memory:")
        let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
        let error = try #require(throws: SQLiteError.self) {
            try db.withTimeLimit(0.05) { _ = try db.queryFirst(endless) { $0.int(0) } }
        }
        #expect(error.isInterrupted)
        #expect(try db.queryFirst("SELECT 42") { $0.int(0) } == 42)
    }
}

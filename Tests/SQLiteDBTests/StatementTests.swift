import Testing
@testable import SQLiteDB

@Suite struct StatementTests {
    @Test func bindsAndReadsEveryType() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                   [Int64.max, 2.5, "héllo ✓ 𝄞", [UInt8]([0, 1, 255]), Optional<String>.none])
        let row = try #require(try db.queryFirst("SELECT i, r, s, b, n FROM t") { row in
            (row.int64(0), row.double(1), row.text(2), row.blob(3), row.isNull(4), row.value(4))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == 2.5)
        #expect(row.2 == "héllo ✓ 𝄞")
        #expect(row.3 == [0, 1, 255])
        #expect(row.4)
        #expect(row.5 == .null)
    }

    @Test func bindsBoolIntAndOptionals() throws {
        let db = try Database(path: ":memory:")
        let values = try db.queryFirst("SELECT ?, ?, ?, ?", [true, 42, Optional<Int>.some(7), Optional<Double>.none]) {
            ($0.bool(0), $0.int(1), $0.optionalInt(2), $0.optionalDouble(3))
        }
        #expect(values?.0 == true)
        #expect(values?.1 == 42)
        #expect(values?.2 == 7)
        #expect(values?.3 == nil)
    }

    @Test func emptyBlobStaysABlobAndEmbeddedNulSurvivesInText() throws {
        let db = try Database(path: ":memory:")
        let result = try db.queryFirst("SELECT typeof(?), length(?), ?", [[UInt8](), "a\u{0}b", "a\u{0}b"]) {
            ($0.text(0), $0.int(1), $0.text(2))
        }
        #expect(result?.0 == "blob")
        #expect(try db.queryFirst("SELECT typeof(?), length(?)", ["", ""]) { $0.text(0) + "/" + $0.text(1) } == "text/0")
        #expect(result?.2 == "a\u{0}b")
    }

    @Test func namedParameters() throws {
        let db = try Database(path: ":memory:")
        let statement = try db.prepare("SELECT :a || :b")
        try statement.bind(named: [":a": "x", ":b": "y"])
        #expect(try statement.step()?.text(0) == "xy")
        #expect(throws: SQLiteError.self) { try statement.bind(named: [":missing": 1]) }
    }

    @Test func cachedStatementIsReusedAndStartsClean() throws {
        let db = try Database(path: ":memory:")
        let first = try db.cached("SELECT ?")
        try first.bind([1])
        _ = try first.step()   // left mid-cursor on purpose
        let second = try db.cached("SELECT ?")
        #expect(first === second)
        #expect(db.cachedStatementCount == 1)
        #expect(try db.queryFirst("SELECT ?", [2]) { $0.int(0) } == 2)
    }

    @Test func syntaxErrorCarriesCodeMessageAndSQL() throws {
        let db = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(error.code == 1)   // SQLITE_ERROR
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEC 1")
        #expect(error.description.contains("SELEC 1"))
    }

    @Test func queryMapsEveryRow() throws {
        let db = try Database(path: ":memory:")
        let numbers = try db.query("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT x FROM n") {
            $0.int(0)
        }
        #expect(numbers == [1, 2, 3, 4, 5])
    }
}

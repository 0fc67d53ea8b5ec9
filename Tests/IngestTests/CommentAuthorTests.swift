import SchemaHistory
import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// A comment whose page shows no name has no author: nil in the extraction, NULL in the store, null in the JSON;
/// and a database written when the column could not be NULL is upgraded to that.
@Suite struct CommentAuthorTests {
    typealias T = ThreadTests

    static func temporaryPath() throws -> String {
        let folder = NSTemporaryDirectory() + "evidence-author-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/c.sqlite"
    }

    @Test func aCommentShowingNoNameHasNoAuthor() throws {
        let e = try T.extract("nameless_comment.html")
        let c = e.comments
        #expect(c.map(\.author) == ["Rafe Olsen", nil, "Jonna Pike"])
        #expect(c.map(\.date) == ["2022-04-03", "2022-04-04", "2022-04-04"])
        // No name is nobody in particular: not joined with anyone.
        #expect(Set(c.map(\.authorID)).count == 3)
        #expect(T.text(e, 1).hasPrefix("I get stomach cramps"))
        T.expectNoReplyClaims(e)

        let store = try EvidenceStore(path: try Self.temporaryPath(), lexicon: try SharedPipeline.get().lexicon)
        #expect(try store.write(e) == .added)
        let stored = try store.db.query("SELECT author IS NULL, json FROM comments ORDER BY number") { ($0.int(0), $0.text(1)) }
        #expect(stored.map(\.0) == [0, 1, 0])
        let served = try stored.map { row -> Any? in
            (try JSONSerialization.jsonObject(with: Data(row.1.utf8)) as? [String: Any])?["author"]
        }
        #expect(served.count == 3)
        #expect(served[1].flatMap { $0 } is NSNull)
        #expect(served[0].flatMap { $0 } as? String == "Rafe Olsen")
    }

    /// Version 5 kept `author` NOT NULL and wrote '' for a nameless poster.
    @Test func aVersion5FileLetsAuthorsBeNull() throws {
        let path = try Self.temporaryPath()
        let pipeline = try SharedPipeline.get()
        let e = try T.extract("nameless_comment.html")
        do {
            let store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
            try store.write(e)
        }
        // Turn the file back into version 5: the column NOT NULL, the nameless author ''.
        let db = try Database(path: path)
        try SchemaVersion6Shape.restore(db)
        let concepts = try db.queryFirst("SELECT count(*) FROM comment_concepts") { $0.int(0) }
        let definition = try db.queryFirst("SELECT sql FROM sqlite_master WHERE name = 'comments'") { $0.text(0) } ?? ""
        let strict = definition.replacingOccurrences(of: #"(author\s+TEXT),"#, with: "$1 NOT NULL,", options: .regularExpression)
        #expect(strict != definition)
        let version = try db.queryFirst("PRAGMA schema_version") { $0.int(0) } ?? 0
        try db.execute("UPDATE comments SET author = '' WHERE author IS NULL")
        try db.execute("PRAGMA writable_schema = ON")
        try db.run("UPDATE sqlite_master SET sql = ? WHERE name = 'comments'", [strict])
        try db.execute("PRAGMA schema_version = \(version + 1); PRAGMA writable_schema = OFF; PRAGMA user_version = 5")
        func notNull(_ db: Database) throws -> Int? {
            try db.queryFirst("SELECT \"notnull\" FROM pragma_table_info('comments') WHERE name = 'author'") { $0.int(0) }
        }
        let old = try Database(path: path)
        #expect(try notNull(old) == 1)

        let upgraded = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
        #expect(try upgraded.db.userVersion() == Schema.currentVersion)
        #expect(try notNull(upgraded.db) == 0)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM comments WHERE author IS NULL") { $0.int(0) } == 1)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM comments WHERE author = ''") { $0.int(0) } == 0)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM comment_concepts") { $0.int(0) } == concepts)
        #expect(try upgraded.db.integrityCheck() == "ok")
        // The upgraded file takes a new nameless comment.
        var copy = e
        copy.source.file = "copy_of_nameless_comment.html"
        copy.source.sha256 = "another"
        #expect(try upgraded.write(copy) == .added)
        #expect(try upgraded.db.queryFirst("SELECT count(*) FROM comments WHERE author IS NULL") { $0.int(0) } == 2)
        #expect(try FullTextCheck.allDifferences(upgraded.db).isEmpty)
    }
}

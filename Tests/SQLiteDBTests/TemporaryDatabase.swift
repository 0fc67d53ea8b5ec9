import Foundation
@testable import SQLiteDB

/// A database file in a fresh temporary folder, removed when the test ends.
final class TemporaryDatabase {
    let folder: String
    let path: String

    init() throws {
        folder = NSTemporaryDirectory() + "sqlitedb-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/test.sqlite"
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func open(_ mode: OpenMode = .readWrite(create: true)) throws -> Database {
        try Database(path: path, mode: mode)
    }
}

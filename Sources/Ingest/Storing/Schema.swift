import Foundation
import SQLiteDB

/// Applies `schema.sql` to a new database and upgrades older ones, tracked by `PRAGMA user_version`.
public enum Schema {
    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// Upgrade steps from version N to N+1, by N. Each runs in the same transaction as the version bump.
    /// Version 1 is the first release, so there is nothing to upgrade from yet.
    static let upgrades: [Int: String] = [:]

    /// Brings the database to `currentVersion`, or explains why it cannot.
    public static func prepare(_ db: Database, locator: ResourceLocator = .standard) throws {
        let version = try db.userVersion()
        if version == currentVersion { return }
        guard version < currentVersion else { throw SchemaError.newerThanThisBuild(found: version, supported: currentVersion) }
        try db.transaction {
            // Re-read under the write lock: another process may have created the schema meanwhile.
            var found = try db.userVersion()
            if found == 0 {
                try db.execute(try loadSchemaSQL(locator: locator))
                found = currentVersion
            }
            while found < currentVersion {
                guard let step = upgrades[found] else { throw SchemaError.noUpgradePath(from: found) }
                try db.execute(step)
                found += 1
            }
            try db.setUserVersion(currentVersion)
        }
    }

    /// Checks that a database opened read-only has the schema this build understands.
    public static func verify(_ db: Database) throws {
        let version = try db.userVersion()
        guard version == currentVersion else {
            if version == 0 { throw SchemaError.notAnEvidenceDatabase }
            if version > currentVersion { throw SchemaError.newerThanThisBuild(found: version, supported: currentVersion) }
            throw SchemaError.needsUpgrade(found: version, supported: currentVersion)
        }
    }

    static func loadSchemaSQL(locator: ResourceLocator) throws -> String {
        let path = try locator.locate("schema.sql")
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ResourceError.unreadable(path, reason: error.localizedDescription)
        }
    }
}

public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case newerThanThisBuild(found: Int, supported: Int)
    case noUpgradePath(from: Int)
    case notAnEvidenceDatabase
    case needsUpgrade(found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .newerThanThisBuild(found, supported):
            return "the database has schema version \(found), newer than this build's \(supported); use a newer evidence"
        case .noUpgradePath(let from):
            return "no upgrade from schema version \(from); re-ingest into a new database"
        case .notAnEvidenceDatabase:
            return "the file is not an evidence database (no schema); run `evidence ingest` to build one"
        case let .needsUpgrade(found, supported):
            return "the database has schema version \(found); run `evidence ingest` once to upgrade it to \(supported)"
        }
    }
}

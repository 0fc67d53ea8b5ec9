import Foundation

/// Finds the files that ship beside the binary: `schema.sql`, `lexicon/` and `seeds/`.
///
/// Looked for, in order: `$EVIDENCE_HOME`, the executable's folder and its parents (a release build
/// sits in `.build/release/`, the container keeps them in `/app`), the working directory, and the source
/// tree this binary was built from.
public struct ResourceLocator: Sendable {
    public let roots: [String]

    public init(roots: [String]) { self.roots = roots }

    public static let standard: ResourceLocator = {
        var roots: [String] = []
        if let home = ProcessInfo.processInfo.environment["EVIDENCE_HOME"], !home.isEmpty { roots.append(home) }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            roots.append(folder.path)
            folder = folder.deletingLastPathComponent()
        }
        roots.append(FileManager.default.currentDirectoryPath)
        // #filePath is Sources/EvidenceModel/Resources/ResourceLocator.swift: three folders up is the package root.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        roots.append(sourceRoot.path)
        return ResourceLocator(roots: roots)
    }()

    /// The first existing path named `relative` under one of the roots.
    public func locate(_ relative: String) throws(ResourceError) -> String {
        for root in roots {
            let candidate = (root as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw ResourceError.notFound(relative, searched: roots)
    }

    /// Decodes a JSON data file of the lexicon folder, e.g. `lexicon/concepts.json`.
    public func loadJSON<T: Decodable>(_ type: T.Type, _ relative: String) throws -> T {
        let path = try locate(relative)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ResourceError.unreadable(path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ResourceError.malformed(path, reason: String(describing: error))
        }
    }
}

public enum ResourceError: Error, Sendable, CustomStringConvertible {
    case notFound(String, searched: [String])
    case unreadable(String, reason: String)
    case malformed(String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(name, searched):
            return "cannot find \(name) (looked in \(searched.joined(separator: ", "))); set EVIDENCE_HOME to the folder that holds it"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .malformed(path, reason): return "\(path) is not valid: \(reason)"
        }
    }
}

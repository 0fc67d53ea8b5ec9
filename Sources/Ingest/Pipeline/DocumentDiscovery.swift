import Foundation

/// A document found under the paths given to ingest.
public struct DiscoveredDocument: Sendable, Hashable {
    /// Where to read it.
    public var path: String
    /// Its identity in the database: the path relative to the folder given, or the base name of a file given.
    public var identity: String
    public var format: DocumentFormat
}

/// A path that could not become a document, with the reason.
public struct DiscoveryFailure: Error, Sendable, Equatable {
    public var path: String
    public var identity: String
    public var reason: ReadError
}

/// What discovery found at one path: a document to ingest, a path that cannot become one, or a file of another
/// type inside a folder, skipped (and reported, so that a user sees why a `.pdf` was not ingested).
public enum DiscoveryEntry: Sendable, Equatable {
    case document(DiscoveredDocument)
    case failure(DiscoveryFailure)
    case skipped(identity: String, reason: String)
}

/// Walks files and folders (recursively) for `.txt`, `.md` and `.html` documents.
///
/// Hidden files and folders are skipped silently; files of other types inside folders are skipped and reported; a file named explicitly
/// with another type is a failure. Symlinks that resolve outside the folder being walked are refused unless
/// `followExternalSymlinks` is set, so a link cannot smuggle in files from elsewhere on the machine.
public struct DocumentDiscovery: Sendable {
    public var followExternalSymlinks: Bool

    public init(followExternalSymlinks: Bool = false) {
        self.followExternalSymlinks = followExternalSymlinks
    }

    public func discover(_ paths: [String]) -> [DiscoveryEntry] {
        var results: [DiscoveryEntry] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                let name = (path as NSString).lastPathComponent
                results.append(.failure(DiscoveryFailure(path: path, identity: name, reason: .unreadable(reason: "no such file or folder"))))
                continue
            }
            if isFolder.boolValue {
                var visited: Set<String> = []
                walk(folder: path, root: Self.realPath(path), prefix: "", visited: &visited, into: &results)
            } else {
                let name = (path as NSString).lastPathComponent
                if let format = DocumentFormat(fileExtension: (name as NSString).pathExtension) {
                    results.append(.document(DiscoveredDocument(path: path, identity: name, format: format)))
                } else {
                    results.append(.failure(DiscoveryFailure(path: path, identity: name,
                                                             reason: .unsupportedFormat((name as NSString).pathExtension))))
                }
            }
        }
        return results
    }

    private func walk(folder: String, root: String, prefix: String, visited: inout Set<String>,
                      into results: inout [DiscoveryEntry]) {
        // A symlinked folder can lead back to an ancestor: walk each real folder once.
        guard visited.insert(Self.realPath(folder)).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            results.append(.failure(DiscoveryFailure(path: folder, identity: prefix, reason: .unreadable(reason: "cannot list folder"))))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let identity = prefix.isEmpty ? name : prefix + "/" + name
            let real = Self.realPath(path)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            if isLink && !followExternalSymlinks && !(real == root || real.hasPrefix(root + "/")) {
                if DocumentFormat(fileExtension: (name as NSString).pathExtension) != nil || Self.isFolder(path) {
                    results.append(.failure(DiscoveryFailure(path: path, identity: identity, reason: .symlinkOutsideRoot(target: real))))
                }
                continue
            }
            if Self.isFolder(path) {
                walk(folder: path, root: root, prefix: identity, visited: &visited, into: &results)
            } else if let format = DocumentFormat(fileExtension: (name as NSString).pathExtension) {
                results.append(.document(DiscoveredDocument(path: path, identity: identity, format: format)))
            } else {
                let type = (name as NSString).pathExtension
                results.append(.skipped(identity: identity, reason: type.isEmpty ? "unsupported type (no extension)" : "unsupported type .\(type)"))
            }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

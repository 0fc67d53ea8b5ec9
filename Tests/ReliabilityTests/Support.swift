import Foundation

/// Runs the built `evidence` binary (next to the test bundle) and makes scratch folders and corpora.
enum Tool {
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("evidence").path
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func process(_ arguments: [String]) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["EVIDENCE_HOME"] = packageRoot
        p.environment = env
        return p
    }

    static func run(_ arguments: [String]) throws -> Result {
        let p = process(arguments)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "evidence-reliability-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `copies` variants of each seed document, each with a distinct name and a distinct last line.
    static func corpus(in folder: String, copies: Int) throws -> String {
        let docs = folder + "/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        let seeds = packageRoot + "/seeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { !$0.hasPrefix(".") }.sorted()
        for copy in 0..<copies {
            for name in names {
                let text = try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
                let ext = (name as NSString).pathExtension
                let base = (name as NSString).deletingPathExtension
                let variant = ext == "html" ? text + "\n<p>Copy \(copy).</p>\n" : text + "\nCopy \(copy).\n"
                try variant.write(toFile: "\(docs)/\(base)-\(copy).\(ext)", atomically: false, encoding: .utf8)
            }
        }
        return docs
    }

    /// One line per stored document: its file, version and the row counts of everything it contributed.
    static let countsSQL = """
        SELECT s.file || '|' || s.sha256 || '|' ||
               (SELECT count(*) FROM claims c WHERE c.source_id = s.id) || '|' ||
               (SELECT count(*) FROM comments c WHERE c.source_id = s.id) || '|' ||
               (SELECT count(*) FROM study_reports r WHERE r.source_id = s.id) || '|' ||
               (SELECT count(*) FROM mentions m WHERE m.source_id = s.id) || '|' ||
               (SELECT count(*) FROM regions r WHERE r.source_id = s.id) || '|' ||
               s.claim_count || '|' || s.comment_count
        FROM sources s ORDER BY s.file
        """
}

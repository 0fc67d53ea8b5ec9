// libFuzzer target: the ingest pipeline (decode → Pipeline.extract → EvidenceStore.write).
//
// Byte 0 picks the format (text, Markdown, HTML); the rest is the file's bytes. Inputs the reader refuses
// (empty, NUL, invalid UTF-8) must be refused with a ReadError, never a crash. Accepted ones are extracted,
// every span must lie inside the text, and the extraction is stored (same file name each time, so each input
// replaces the previous one) in a scratch database whose offsets are then checked in SQL: for every mention,
// study mention, claim and comment, substr(text, start+1, end-start) == quote (SQLite counts code points, as
// Python does). Hangs are caught by libFuzzer's -timeout.
@testable import Ingest
import Foundation
import SQLiteDB

nonisolated(unsafe) var pipeline: Pipeline! = nil
nonisolated(unsafe) var store: EvidenceStore! = nil
nonisolated(unsafe) var counter = 0

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> CInt {
    do {
        pipeline = try Pipeline()
        let path = NSTemporaryDirectory() + "ingest-fuzz-\(getpid()).sqlite"
        unlink(path)
        store = try EvidenceStore(path: path, lexicon: pipeline.lexicon)
    } catch { fatalError("init: \(error)") }
    return 0
}

func checkSpan(_ span: TextSpan, _ text: SourceText, _ what: String) {
    if span.start < 0 || span.end > text.count || span.start > span.end {
        fatalError("\(what) span \(span) outside the text of \(text.count) scalars")
    }
}

let offsetChecks = [
    "SELECT count(*) FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.start < 0 OR m.\"end\" > length(s.text) OR m.start > m.\"end\" OR substr(s.text, m.start + 1, m.\"end\" - m.start) != m.quote",
    "SELECT count(*) FROM study_mentions m JOIN sources s ON s.id = m.source_id WHERE m.start < 0 OR m.\"end\" > length(s.text) OR m.start > m.\"end\" OR substr(s.text, m.start + 1, m.\"end\" - m.start) != m.quote",
    "SELECT count(*) FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.start < 0 OR c.\"end\" > length(s.text) OR c.start > c.\"end\" OR substr(s.text, c.start + 1, c.\"end\" - c.start) != c.text",
    "SELECT count(*) FROM comments c JOIN sources s ON s.id = c.source_id WHERE c.start < 0 OR c.\"end\" > length(s.text) OR c.start > c.\"end\" OR substr(s.text, c.start + 1, c.\"end\" - c.start) != c.text",
    "SELECT count(*) FROM regions r JOIN sources s ON s.id = r.source_id WHERE r.start < 0 OR r.\"end\" > length(s.text) OR r.start > r.\"end\"",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let selector = data.first else { return 0 }
    let format: DocumentFormat = [.text, .markdown, .html][Int(selector) % 3]
    let bytes = Array(data.dropFirst())
    counter += 1
    let file = LoadedFile(bytes: bytes, sha256: "fuzz-\(counter)")
    let text: String
    do {
        text = try DocumentReader().decode(file, format: format)
    } catch {
        return 0  // refused with a reason: fine
    }
    let extraction = pipeline.extract(file: "fuzz.\(format.rawValue)", text: text, sha256: file.sha256, format: format)
    let source = extraction.source.text
    for m in extraction.mentions { checkSpan(m.span, source, "mention") }
    for s in extraction.studies { for m in s.mentions { checkSpan(m, source, "study mention") } }
    for c in extraction.claims {
        checkSpan(c.span, source, "claim")
        if let i = c.studyIndex { precondition(i >= 0 && i < extraction.studies.count, "claim study index \(i)") }
    }
    for c in extraction.comments {
        checkSpan(c.span, source, "comment")
        if let r = c.replyToIndex { precondition(r >= 0 && r < extraction.comments.count, "reply index \(r)") }
        for d in c.doses { checkSpan(d.span, source, "comment dose") }
    }
    for r in extraction.regions { checkSpan(r.span, source, "region") }
    do {
        try store.write(extraction)
        for sql in offsetChecks {
            let bad = try store.db.queryFirst(sql, []) { $0.int(0) } ?? 0
            if bad != 0 { fatalError("\(bad) stored rows break text[start:end] == quote: \(sql)") }
        }
    } catch {
        fatalError("store failed: \(error)")
    }
    return 0
}

import Foundation
import SQLiteDB
import Testing
@testable import Ingest
import EvidenceModel

/// The ingest extracts on every core while one writer stores: what it stores, and the order of its reports,
/// must be exactly what storing the documents one by one in discovery order gives.
@Suite struct ParallelIngestTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "evidence-parallel-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
    }

    /// Documents of different lengths (so that workers finish out of order), with a skipped file and an
    /// unreadable one among them.
    func writeCorpus() throws {
        let topics = ["dialysis", "osteoporosis", "arterial stiffness", "diabetes", "heart failure", "migraine"]
        for number in 0..<23 {
            let topic = topics[number % topics.count]
            var text = "Vitamin K2 and \(topic), report \(number)\n\n"
            for sentence in 0...(number % 5) * 3 {
                text += "In a randomized controlled trial of \(100 + number * 7 + sentence) adults with \(topic), "
                    + "\(90 + sentence * 10) mcg of menaquinone-7 daily for \(6 + sentence) months reduced the "
                    + "progression of vascular calcification compared with placebo. "
                text += "Experts said magnesium may lower the risk of \(topic) in older adults. "
            }
            try text.write(toFile: folder + String(format: "/docs/doc-%02d.txt", number), atomically: true, encoding: .utf8)
        }
        try "not a document".write(toFile: folder + "/docs/doc-07b.csv", atomically: true, encoding: .utf8)
        try "   \n".write(toFile: folder + "/docs/doc-15b.txt", atomically: true, encoding: .utf8)
    }

    /// Every row of the store's own tables with its rowid where it has one, the ingest time blanked.
    func contents(_ db: Database) throws -> [String: [String]] {
        // The source's object is rendered from its row when read (schema version 8): blanking the column is enough.
        try db.execute("UPDATE sources SET ingested_at = ''")
        let tables = try db.query("""
            SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'
            """) { ($0.text(0), $0.bool(1)) }
        var rows: [String: [String]] = [:]
        for (table, withoutRowid) in tables {
            // Table names come from sqlite_master.
            let statement = try db.prepare("SELECT " + (withoutRowid ? "" : "rowid, ") + "* FROM \"" + table + "\"")
            var lines: [String] = []
            while let row = try statement.step() {
                lines.append((0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "|"))
            }
            rows[table] = lines
        }
        return rows
    }

    @Test func storesExactlyWhatASequentialIngestStores() throws {
        try writeCorpus()
        let pipeline = try SharedPipeline.get()
        let parallelStore = try EvidenceStore(path: folder + "/parallel.sqlite", lexicon: pipeline.lexicon)
        var job = IngestJob(pipeline: pipeline, store: parallelStore)
        job.batchSize = 4   // several batches, and documents read ahead across them
        let (reports, abort) = job.run([folder + "/docs"]) { _, _, _ in }
        #expect(abort == nil)

        let sequentialStore = try EvidenceStore(path: folder + "/sequential.sqlite", lexicon: pipeline.lexicon)
        let reader = DocumentReader()
        var expectedOrder: [String] = []
        for entry in DocumentDiscovery().discover([folder + "/docs"]) {
            switch entry {
            case .document(let document):
                expectedOrder.append(document.identity)
                guard let file = try? reader.load(path: document.path), let read = try? reader.read(file, format: document.format) else {
                    continue
                }
                try sequentialStore.write(pipeline.extract(file: document.identity, text: read.text, sha256: file.sha256,
                                                           format: document.format, outline: read.outline))
            case .failure(let failure): expectedOrder.append(failure.identity)
            case .skipped(let identity, _): expectedOrder.append(identity)
            }
        }
        #expect(reports.map(\.file) == expectedOrder)
        #expect(reports.filter { $0.status == .added }.count == 23)
        #expect(reports.contains { if case .skipped = $0.status { true } else { false } })
        #expect(reports.contains { if case .failed = $0.status { true } else { false } })

        let parallel = try contents(parallelStore.db)
        let sequential = try contents(sequentialStore.db)
        #expect(parallel.keys.sorted() == sequential.keys.sorted())
        #expect((parallel["claims"] ?? []).count > 10)
        for table in sequential.keys.sorted() {
            #expect(parallel[table] == sequential[table], "\(table)")
        }
    }
}

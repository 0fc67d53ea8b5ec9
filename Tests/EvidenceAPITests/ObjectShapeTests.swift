import Foundation
import Testing
@testable import EvidenceAPI
import EvidenceModel

/// The JSON the store renders, the OpenAPI schemas and the CSV columns all follow the one definition of each object
/// in `APIObjects`; these tests hold the served answers to it.
@Suite struct ObjectShapeTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    /// Every difference between a served value and its declared field, as readable paths.
    static func mismatches(_ value: Any, _ type: FieldType, nullable: Bool, path: String) -> [String] {
        if value is NSNull { return nullable ? [] : ["\(path): null, but the field is not nullable"] }
        switch type {
        case .string: return value is String ? [] : ["\(path): not a string"]
        case .enumeration(let values):
            guard let text = value as? String, values.contains(text) else { return ["\(path): \(value) not one of its values"] }
            return []
        case .integer, .number:
            guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return ["\(path): not a number"] }
            if case .integer = type, number.doubleValue.rounded() != number.doubleValue { return ["\(path): not an integer"] }
            return []
        case .boolean:
            guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else { return ["\(path): not a boolean"] }
            return []
        case .array(let item):
            guard let list = value as? [Any] else { return ["\(path): not an array"] }
            return list.enumerated().flatMap { mismatches($1, item, nullable: false, path: "\(path)[\($0)]") }
        case .map(let item):
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            return object.flatMap { mismatches($1, item, nullable: false, path: "\(path).\($0)") }
        case .object(let shape):
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var problems: [String] = []
            let declared = Set(shape.fields.map(\.name))
            for extra in Set(object.keys).subtracting(declared) { problems.append("\(path).\(extra): served but not declared") }
            for field in shape.fields {
                guard let child = object[field.name] else {
                    // meta.order and meta.matched_as_text are written only when they apply.
                    if !APIObjects.listMetaOptionalFields.contains(field.name) {
                        problems.append("\(path).\(field.name): declared but not served")
                    }
                    continue
                }
                problems += mismatches(child, field.type, nullable: field.nullable, path: "\(path).\(field.name)")
            }
            return problems
        }
    }

    @Test(arguments: [("/v1/studies", APIObjects.study), ("/v1/findings", APIObjects.finding), ("/v1/sources", APIObjects.source),
                      ("/v1/claims", APIObjects.claim), ("/v1/comments", APIObjects.comment),
                      ("/v1/conditions", APIObjects.concept), ("/v1/interventions", APIObjects.concept)])
    func everyServedObjectHasItsDeclaredShape(route: String, shape: ObjectShape) throws {
        let pages = try client.pages(route + "?limit=100")
        let items = pages.flatMap { $0["data"] as? [Any] ?? [] }
        #expect(!items.isEmpty, "\(route) served nothing to check")
        for item in items {
            let problems = Self.mismatches(item, .object(shape), nullable: false, path: route)
            #expect(problems.isEmpty, "\(problems)")
        }
        for page in pages {
            let problems = Self.mismatches(page["meta"] ?? NSNull(), .object(APIObjects.listMeta), nullable: false, path: route + " meta")
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func theMatrixHasItsDeclaredShape() throws {
        let matrix = try client.json("/v1/conditions/vascular%20calcification/evidence")
        let problems = Self.mismatches(matrix, .object(APIObjects.evidenceMatrix), nullable: false, path: "matrix")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theCSVHeaderIsTheSameOnEveryPageAndKeepsFormAndDose() throws {
        for route in ["/v1/studies", "/v1/findings", "/v1/sources", "/v1/claims", "/v1/comments", "/v1/conditions"] {
            var headers: Set<String> = []
            var cursor: String?
            var pages = 0
            repeat {
                let target = route + "?limit=1&format=csv" + (cursor.map { "&cursor=\($0)" } ?? "")
                let csv = client.get(target)
                #expect(csv.status == 200, "\(target)")
                headers.insert(String(csv.text.split(separator: "\r\n").first ?? ""))
                let page = client.get(route + "?limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
                cursor = ((try? JSONSerialization.jsonObject(with: Data(page.body))) as? [String: Any])
                    .flatMap { ($0["meta"] as? [String: Any])?["next_cursor"] as? String }?
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics)
                pages += 1
            } while cursor != nil && pages < 50
            #expect(pages > 1, "\(route) needs several pages for this test")
            #expect(headers.count == 1, "\(route) changed its CSV header between pages: \(headers)")
        }
        let header = client.get("/v1/studies?format=csv").text.split(separator: "\r\n").first.map(String.init) ?? ""
        let columns = header.split(separator: ",").map(String.init)
        for column in ["interventions.name", "interventions.form", "interventions.dose.mcg_per_day", "duration.days"] {
            #expect(columns.contains(column), "missing \(column)")
        }
        #expect(!columns.contains("duration"), "a bare duration column has nothing to hold")
    }

    @Test func listColumnsKeepTheirPositionsAligned() throws {
        let studies = try client.json("/v1/studies?limit=100")["data"] as? [[String: Any]] ?? []
        let csv = client.get("/v1/studies?format=csv&limit=100").text
        let rows = csv.split(separator: "\r\n").map(String.init)
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let names = header.firstIndex(of: "interventions.name"),
              let doses = header.firstIndex(of: "interventions.dose.mcg_per_day") else {
            Issue.record("intervention columns missing")
            return
        }
        // A row whose cells hold no quoted commas splits cleanly; compare its parallel columns with the JSON.
        for (study, row) in zip(studies, rows.dropFirst()) where !row.contains("\"") {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let interventions = study["interventions"] as? [[String: Any]] ?? []
            #expect(cells[names].components(separatedBy: "; ").count == max(1, interventions.count))
            #expect(cells[doses].components(separatedBy: "; ").count == max(1, interventions.count))
        }
    }
}

@Suite struct CSVExportTests {
    let corpus: TestCorpus
    let client: APIClient

    init() throws {
        corpus = try TestCorpus()
        client = APIClient(api: EvidenceAPI(databasePath: corpus.path))
    }

    @Test func eachListHasACSVOperationThatPagesWithTheListsCursors() throws {
        let csv = client.get("/v1/studies.csv?limit=1")
        #expect(csv.status == 200)
        #expect(csv.header("content-type") == "text/csv; charset=utf-8")
        #expect(csv.body == client.get("/v1/studies?limit=1&format=csv").body)
        let cursor = try #require((try client.json("/v1/studies?limit=1")["meta"] as? [String: Any])?["next_cursor"] as? String)
        let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
        let second = client.get("/v1/studies.csv?limit=1&cursor=\(encoded)")
        #expect(second.status == 200)
        #expect(second.body == client.get("/v1/studies?limit=1&format=csv&cursor=\(encoded)").body)
        #expect(client.get("/v1/studies.csv?format=json").status == 400, "the CSV operation takes no format")
    }
}

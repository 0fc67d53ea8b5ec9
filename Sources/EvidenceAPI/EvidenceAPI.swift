import Foundation
import HTTPServer
import SQLiteDB
import EvidenceModel

/// The REST API v1 over the evidence database: routes → validated parameters → queries → JSON.
public final class EvidenceAPI: Sendable {
    let services: Services
    let routes: [Route]
    let openAPIDocument: [UInt8]

    /// - Parameters:
    ///   - databasePath: the database to serve; it is opened read-only.
    ///   - metricsText: renders the server's metrics for /metrics.
    public init(databasePath: String, metricsText: @escaping @Sendable () -> String = { "" }) {
        services = Services(databasePath: databasePath, metricsText: metricsText)
        let apiRoutes = Self.apiRoutes
        openAPIDocument = OpenAPIDocument.render(apiRoutes)
        let document = openAPIDocument
        var spec = Route(path: "/openapi.json", summary: "This API described as OpenAPI 3.1.", parameters: [],
                         isList: false, schema: "OpenAPI") { _ in .json(document) }
        spec.readsData = false
        routes = apiRoutes + [spec]
    }

    /// Every route but /openapi.json itself, in the order the OpenAPI document lists them, each list followed by
    /// its CSV export.
    static let apiRoutes: [Route] = baseRoutes.flatMap { $0.isList ? [$0, $0.csvExport] : [$0] }

    private static let baseRoutes: [Route] = [
        StudyRoutes.list, StudyRoutes.item,
        FindingRoutes.list, FindingRoutes.item,
        ConceptRoutes.list(type: "condition", plural: "conditions"),
        ConceptRoutes.item(type: "condition", plural: "conditions"),
        EvidenceMatrixRoute.route,
        ConceptRoutes.list(type: "intervention", plural: "interventions"),
        ConceptRoutes.item(type: "intervention", plural: "interventions"),
        SourceRoutes.list, SourceRoutes.item, SourceRoutes.text,
        ClaimRoutes.list, ClaimRoutes.item,
        CommentRoutes.list, CommentRoutes.item,
        SearchRoute.route,
        OperationsRoutes.health, OperationsRoutes.metrics,
    ]

    /// Checks at start-up that the database opens and has the expected schema, so `serve` fails fast and clearly.
    public func verifyDatabase() throws {
        _ = try services.pool.read { db in try db.userVersion() }
    }

    /// The server's handler.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let (route, values) = match(request.pathSegments) else {
            return APIError.notFound("no route for \(Parameters.printable(request.path)); see /openapi.json").response
        }
        var response = respond(route: route, values: values, request: request)
        response.routeLabel = route.path
        return response
    }

    private func match(_ segments: [String]) -> (Route, [String])? {
        for route in routes {
            if let values = route.match(segments) { return (route, values) }
        }
        return nil
    }

    private func respond(route: Route, values: [String], request: HTTPRequest) -> HTTPResponse {
        switch request.method {
        case "GET", "HEAD": break
        case "OPTIONS":
            return HTTPResponse(status: 204, headers: [("Allow", "GET, HEAD, OPTIONS")])
        default:
            return APIError.methodNotAllowed(request.method, allow: "GET, HEAD, OPTIONS").response
        }
        do {
            let parameters = try Parameters(request.queryItems, specs: route.parameters)
            let wantsCSV = route.answersCSV || route.isList && (parameters["format"] == "csv"
                || (parameters["format"] == nil && Negotiation.prefersCSV(request.headers["accept"])))
            // The CSV header comes from the listed object's one definition, so it is the same on every page.
            let csvShape = wantsCSV ? APIObjects.listed[route.schema] : nil
            var context = RouteContext(request: request, parameters: parameters, pathValues: values,
                                       services: services, routePath: route.cursorScope)
            guard route.tagsByGeneration else {
                let reply = try route.handler(context)
                return Negotiation.response(for: reply, csv: csvShape, request: request, cacheControl: route.cacheControl)
            }
            // One connection for the whole request: the generation its tag names, the cache and the queries.
            let pool = services.pool
            return try pool.withConnection { connection in
                let generation = try pool.generation(checking: connection)
                let etag = services.tags.tag(
                    generation: generation, route: route.path, pathValues: values, queryItems: request.queryItems,
                    csv: csvShape != nil, variant: services.searchRankLimit.load(ordering: .relaxed))
                if let match = request.headers["if-none-match"], ETag.matches(match, etag, wildcard: false) {
                    return Negotiation.notModified(etag: etag, cacheControl: route.cacheControl)
                }
                context.connection = connection
                context.generation = generation
                let reply = try route.handler(context)
                return Negotiation.response(for: reply, csv: csvShape, request: request, cacheControl: route.cacheControl,
                                            etag: etag)
            }
        } catch let error as APIError {
            return error.response
        } catch let error as SQLiteError where error.isInterrupted {
            ErrorLog.write(request: request, error: error)
            return APIError.unavailable("the query took longer than \(Int(ReadPool.queryTimeLimit)) s and was stopped; "
                                        + "narrow it with more specific words or filters").response
        } catch let error as SQLiteError {
            if error.isBusy || error.isCorrupt || error.isCantOpen || error.isIOError {
                ErrorLog.write(request: request, error: error)
                return APIError.unavailable("the database cannot be read right now; try again shortly").response
            }
            ErrorLog.write(request: request, error: error)
            return APIError.internalError.response
        } catch {
            ErrorLog.write(request: request, error: error)
            return APIError.internalError.response
        }
    }
}

/// Internal errors go to stderr as a JSON line with the request id, never into a response body.
enum ErrorLog {
    static func write(request: HTTPRequest, error: any Error) {
        var json = JSONBuffer()
        json.object { line in
            line.field("level", "error")
            line.field("request_id", request.requestID)
            line.field("path", String(request.path.prefix(200)))
            line.field("error", String(describing: error))
        }
        json.raw("\n")
        FileHandle.standardError.write(Data(json.bytes))
    }
}

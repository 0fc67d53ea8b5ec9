import Testing
@testable import HTTPServer

@Suite struct SmokeTests {
    @Test func answersAGet() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET /hello?a=1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "GET /hello a=1 body=0")
            #expect(response.headers["date"] != nil)
            #expect(response.headers["server"] == "test-server")
            #expect(response.headers["x-request-id"] != nil)
        }
    }
}

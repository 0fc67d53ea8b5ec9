import Foundation

/// Placeholder until the API lands.
enum Server {
    static func run(databasePath: String, host: String, port: Int) throws {
        printError("serve is not implemented yet")
        throw CommandFailure("serve is not implemented yet")
    }
}

/// The formats ingest reads, by file extension.
public enum DocumentFormat: String, Sendable, Codable {
    case text
    case markdown
    case html

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }
}

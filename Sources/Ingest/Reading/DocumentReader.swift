import Crypto
import Foundation
import EvidenceModel

/// A file's bytes and their SHA-256, read before any parsing so that an unchanged document costs one hash.
public struct LoadedFile: Sendable {
    public var bytes: [UInt8]
    public var sha256: String
}

/// Reads a file and turns its bytes into the text that is stored and analysed.
public struct DocumentReader: Sendable {
    public var maxBytes: Int

    public init(maxBytes: Int = 20 * 1_048_576) { self.maxBytes = maxBytes }

    public func load(path: String) throws(ReadError) -> LoadedFile {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError.unreadable(reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError.unreadable(reason: "not a regular file") }
        guard Int(info.st_size) <= maxBytes else { throw ReadError.tooLarge(bytes: Int(info.st_size), limit: maxBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError.unreadable(reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // Read one byte past the limit, so a file that grew after stat() is still refused.
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw ReadError.unreadable(reason: error.localizedDescription)
        }
        guard data.count <= maxBytes else { throw ReadError.tooLarge(bytes: data.count, limit: maxBytes) }
        let bytes = [UInt8](data)
        let digest = SHA256.hash(data: bytes)
        return LoadedFile(bytes: bytes, sha256: StableID.hex(digest))
    }

    /// The stored text: the decoded content for text and Markdown, the visible text for HTML.
    public func decode(_ file: LoadedFile, format: DocumentFormat) throws(ReadError) -> String {
        let text = try Self.validatedUTF8(file.bytes)
        switch format {
        case .text, .markdown: return text
        case .html: return try HTMLText.visibleText(of: file.bytes)
        }
    }

    /// The stored text and, for HTML, the outline of the page's elements that the comment stage reads.
    public func read(_ file: LoadedFile, format: DocumentFormat) throws(ReadError) -> ReadDocument {
        switch format {
        case .text, .markdown: return ReadDocument(text: try Self.validatedUTF8(file.bytes))
        case .html:
            _ = try Self.validatedUTF8(file.bytes)
            return try HTMLText.read(file.bytes)
        }
    }

    /// Decodes UTF-8, refusing empty input, NUL bytes and invalid sequences with their byte offset.
    static func validatedUTF8(_ bytes: [UInt8]) throws(ReadError) -> String {
        guard !bytes.isEmpty else { throw ReadError.empty }
        if let nul = bytes.firstIndex(of: 0) { throw ReadError.binary(byteOffset: nul) }
        if let text = String(validating: bytes, as: UTF8.self) {
            guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw ReadError.empty }
            return text
        }
        throw ReadError.invalidUTF8(byteOffset: firstInvalidUTF8Offset(bytes))
    }

    /// The byte offset where the first invalid UTF-8 sequence starts.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}

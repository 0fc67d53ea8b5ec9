/// Why a document was refused. Each case reads as a one-line reason a user can act on.
public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case binary(byteOffset: Int)
    case invalidUTF8(byteOffset: Int)
    case tooLarge(bytes: Int, limit: Int)
    case unreadable(reason: String)
    case unsupportedFormat(String)
    case symlinkOutsideRoot(target: String)
    case malformedHTML(reason: String)

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .binary(let offset): return "binary content (NUL byte at byte offset \(offset))"
        case .invalidUTF8(let offset): return "invalid UTF-8 at byte offset \(offset)"
        case let .tooLarge(bytes, limit): return "file is \(bytes) bytes, over the \(limit / 1_048_576) MiB limit"
        case .unreadable(let reason): return "unreadable: \(reason)"
        case .unsupportedFormat(let ext): return "unsupported file type '\(ext)' (expected .txt, .md or .html)"
        case .symlinkOutsideRoot(let target): return "symlink leads outside the given folder (to \(target)); pass --follow-symlinks to allow it"
        case .malformedHTML(let reason): return "cannot parse HTML: \(reason)"
        }
    }
}

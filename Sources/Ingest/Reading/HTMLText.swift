import CLibXML2

/// The visible text of an HTML page, through libxml2's HTML parser.
enum HTMLText {
    /// Placeholder until the libxml2 walk lands: refuses HTML rather than guessing.
    static func visibleText(of bytes: [UInt8]) throws(ReadError) -> String {
        throw ReadError.malformedHTML(reason: "HTML reading is not implemented yet")
    }
}

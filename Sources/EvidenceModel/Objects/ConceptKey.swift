/// The lookup key of a concept term: case-folded letters and digits only, so that "MK-7", "mk 7" and "MK7",
/// or "end-stage renal disease" and "end stage renal disease", resolve alike where the API looks names up.
public enum ConceptKey {
    public static func normalize(_ term: String) -> String {
        var key = ""
        for scalar in term.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            key.unicodeScalars.append(scalar)
        }
        return key
    }
}

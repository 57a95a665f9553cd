/// British National Grid references: "TQ 33238 81305" (two letters naming a 100 km square,
/// then equal-length easting and northing digits within it), and plain eastings and
/// northings in metres ("533238,181305").
public enum GridReference {
    /// The grid point a text names, nil when the text does not look like a grid reference at
    /// all (so that it is searched as a name), and an error when it looks like one but is not
    /// valid. A reference of fewer digits names a square: its centre is taken.
    static func parse(_ text: String, field: String) throws(InputError) -> GridPoint? {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        if let plain = plainEastingNorthing(text) { return plain }
        let letters = compact.prefix { $0.isLetter }
        let digits = compact.dropFirst(letters.count)
        guard letters.count == 2, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard digits.count.isMultiple(of: 2), (2...10).contains(digits.count) else {
            throw InputError(field: field, value: "'\(text)'", problem: "has \(digits.count) digits after the square's letters",
                             fix: "Give as many easting digits as northing digits (2 to 10 in all), e.g. TQ 33238 81305.")
        }
        guard let square = squareOrigin(String(letters)) else {
            throw InputError(field: field, value: "'\(text)'", problem: "names no 100 km square of the British National Grid",
                             fix: "Check the two letters: the City of London lies in square TQ, e.g. TQ 33238 81305.")
        }
        let half = digits.count / 2
        let unit = pow10(5 - half)
        guard let east = Double(String(digits.prefix(half))), let north = Double(String(digits.suffix(half))) else { return nil }
        // Fewer digits name a square of `unit` metres: its centre is the fairest single point.
        let centre = unit > 1 ? unit / 2 : 0
        return GridPoint(easting: square.easting + east * unit + centre, northing: square.northing + north * unit + centre)
    }

    /// "533238,181305" or "533238 181305": two whole or decimal numbers of metres, both at
    /// least 1000 so that a latitude and longitude are never read as metres.
    private static func plainEastingNorthing(_ text: String) -> GridPoint? {
        let parts = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        guard parts.count == 2, let east = Double(parts[0]), let north = Double(parts[1]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } }),
              (1_000...700_000).contains(east), (1_000...1_300_000).contains(north) else { return nil }
        return GridPoint(easting: east, northing: north)
    }

    /// The south-west corner of a 100 km square: the first letter picks a 500 km square of
    /// a 5 x 5 grid whose H is at the origin's north-west, the second a 100 km one within it
    /// (both alphabets without I).
    static func squareOrigin(_ letters: String) -> GridPoint? {
        let alphabet = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")
        let chars = Array(letters)
        guard chars.count == 2, let first = alphabet.firstIndex(of: chars[0]), let second = alphabet.firstIndex(of: chars[1]) else {
            return nil
        }
        let east = ((first - 2) % 5 + 5) % 5 * 5 + second % 5
        let north = (19 - (first / 5) * 5) - second / 5
        // The grid covers 0-700 km east and 0-1300 km north.
        guard (0..<7).contains(east), (0..<13).contains(north) else { return nil }
        return GridPoint(easting: Double(east) * 100_000, northing: Double(north) * 100_000)
    }

    /// "TQ 33238 81305": a grid point to the metre.
    public static func text(_ point: GridPoint) -> String {
        // A reference names the metre square a point lies in (truncation, as on a map); the
        // micrometre lets a point that came through a transformation land in its square.
        let east = Int((point.easting + 1e-6).rounded(.down)), north = Int((point.northing + 1e-6).rounded(.down))
        let alphabet = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")
        let e100 = east / 100_000, n100 = north / 100_000
        guard (0..<7).contains(e100), (0..<13).contains(n100) else { return "E \(east), N \(north)" }
        // Inverse of squareOrigin: the 500 km square, then the 100 km square within it.
        let first = (19 - n100) / 5 * 5 + (e100 + 10) / 5
        let second = (19 - n100) * 5 % 25 + e100 % 5
        let digits = { (value: Int) -> String in
            let text = String(value % 100_000)
            return String(repeating: "0", count: 5 - text.count) + text
        }
        return "\(alphabet[first])\(alphabet[second]) \(digits(east)) \(digits(north))"
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<max(0, exponent) { value *= 10 }
        return value
    }
}

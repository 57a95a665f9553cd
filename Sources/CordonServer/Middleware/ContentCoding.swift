/// The content codings the server can apply, and the choice among them that a request's
/// Accept-Encoding allows (RFC 9110 §12.5.3): the highest q-value wins, gzip before deflate
/// on a tie; `*` stands for any coding not named; identity when no coding is acceptable or identity has a higher q-value.
enum ContentCoding: String, Sendable, Equatable {
    case gzip
    /// HTTP's "deflate" is the zlib format (RFC 1950), not a raw deflate stream.
    case deflate

    static func preferred(_ acceptEncoding: String?) -> ContentCoding? {
        guard let acceptEncoding, !acceptEncoding.isEmpty else { return nil }
        var weights: [String: Double] = [:]
        for element in acceptEncoding.split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first, !name.isEmpty else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            let key = name == "x-gzip" ? "gzip" : name
            weights[key] = max(weights[key] ?? 0, q)
        }
        let wildcard = weights["*"]
        func weight(_ name: String) -> Double { weights[name] ?? wildcard ?? 0 }
        // Unlisted, identity is acceptable but least preferred.
        let identity = weights["identity"] ?? wildcard ?? 0
        let chosen: ContentCoding = weight("gzip") >= weight("deflate") ? .gzip : .deflate
        let chosenWeight = weight(chosen.rawValue)
        guard chosenWeight > 0, chosenWeight >= identity else { return nil }
        return chosen
    }
}

import CordonCore
import Hummingbird

/// Figures versions as entity tags: `"7"`. Writes must send the tag they last read in
/// If-Match, so two control rooms never overwrite each other unseen.
enum ETag {
    static func text(_ version: Int) -> String { "\"\(version)\"" }

    static func expectedVersion(_ request: Request) throws -> Int {
        guard let header = request.headers[.ifMatch] else {
            throw Problem(status: .preconditionRequired,
                          detail: "Writes need If-Match with the figures' ETag: GET the figures first and send If-Match: \"VERSION\" (\"0\" when the building has no figures yet).",
                          parameter: "If-Match")
        }
        var text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        guard let version = Int(text), version >= 0 else {
            throw Problem(status: .badRequest,
                          detail: "If-Match: '\(header)' is not a figures ETag. Send the ETag from GET /buildings/{id}/figures, e.g. If-Match: \"3\".",
                          parameter: "If-Match")
        }
        return version
    }
}

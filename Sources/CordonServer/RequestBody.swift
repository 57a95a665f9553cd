import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Reads a request body: the Content-Type must be one of `accepted` (415 otherwise, saying
/// what to send) and the body at most `limit` bytes (413 otherwise).
enum RequestBody {
    static func data(_ request: Request, accepting accepted: [String], as what: String, limit: Int) async throws -> Data {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard accepted.contains(mediaType) else {
            throw Problem(status: .unsupportedMediaType,
                          detail: "Content-Type '\(contentType)' is not accepted. Send \(what) as \(accepted.joined(separator: " or ")).",
                          parameter: "Content-Type")
        }
        var request = request
        return Data(buffer: try await request.collectBody(upTo: limit))
    }

    /// A JSON body; `example` shows the caller what a valid one looks like.
    static func json(_ request: Request, limit: Int = 64 * 1024, example: String) async throws -> JSONValue {
        let data = try await data(request, accepting: [MediaTypes.json], as: "JSON", limit: limit)
        do {
            return try JSONValue.parse(data)
        } catch {
            throw InputError(field: "body", value: "'\(String(decoding: data.prefix(60), as: UTF8.self))'",
                             problem: "is not valid JSON", fix: "Send a JSON object such as \(example).")
        }
    }
}

import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// A request body that ended before it was complete, usually because the client went away.
struct IncompleteBody: Error {
    let underlying: any Error
}

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
        do {
            return Data(buffer: try await request.collectBody(upTo: limit))
        } catch let tooLarge as NIOTooManyBytesError {
            throw tooLarge
        } catch {
            // Reading the body reads only the client's bytes: any other failure is the client's
            // request ending early (NIO's HTTP decoder raises an HTTPParserError when the
            // connection closes before Content-Length bytes arrived), not a fault of the server.
            throw IncompleteBody(underlying: error)
        }
    }

    /// A JSON body; `example` shows the caller what a valid one looks like.
    static func json(_ request: Request, limit: Int = 64 * 1024, example: String) async throws -> JSONValue {
        let data = try await data(request, accepting: [MediaTypes.json], as: "JSON", limit: limit)
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch let deep as JSONTooDeep {
            throw InputError(field: "body", value: "JSON nested past level \(deep.limit) at byte \(deep.offset)",
                             problem: "is nested too deeply", fix: "Send JSON nested at most \(deep.limit) levels deep, such as \(example).")
        } catch {
            throw InputError(field: "body", value: "'\(String(decoding: data.prefix(60), as: UTF8.self))'",
                             problem: "is not valid JSON", fix: "Send a JSON object such as \(example).")
        }
        try TextInput.checkStrings(in: json)
        return json
    }
}

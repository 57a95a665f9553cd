import Crypto
import Foundation
import Hummingbird
import NIOCore

/// One file the server answers as it is: its bytes, its type and an entity tag computed
/// once, so a browser revalidating an unchanged file gets a 304 without a body.
struct StaticFile: Sendable {
    let body: ByteBuffer
    let contentType: String
    let eTag: String
    let cacheControl: String

    init(_ data: some Sequence<UInt8>, name: String, cacheControl: String) {
        let bytes = Array(data)
        body = ByteBuffer(bytes: bytes)
        contentType = Self.contentType(of: name)
        eTag = "\"" + SHA256.hash(data: bytes).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        self.cacheControl = cacheControl
    }

    func response(to request: Request, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.eTag] = eTag
        headers[.cacheControl] = cacheControl
        headers[.xContentTypeOptions] = "nosniff"
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == eTag || $0.trimmingCharacters(in: .whitespaces) == "W/" + eTag
        }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}

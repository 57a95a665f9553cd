import Hummingbird
import NIOCore

enum MediaTypes {
    static let geoJSON = "application/geo+json"
    static let json = "application/json"
    static let problem = "application/problem+json"
    static let csv = "text/csv; charset=utf-8"
    static let svg = "image/svg+xml"
    static let openAPI = "application/vnd.oai.openapi+json;version=3.0"
}

extension Response {
    /// A response whose body is already-encoded text.
    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok,
                     headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

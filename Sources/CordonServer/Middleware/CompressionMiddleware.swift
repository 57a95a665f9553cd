import CompressNIO
import HTTPTypes
import Hummingbird
import NIOCore

/// Compresses answers (lookups, features, plans, documents) with gzip or deflate for clients
/// whose Accept-Encoding allows it, and says so with Content-Encoding and Vary. Bodies under
/// `minimumSize`, bodies of unknown length (event streams and other streamed answers) and
/// already encoded bodies go out as they are.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    static var minimumSize: Int { 1_024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard let length = response.body.contentLength, length >= Self.minimumSize,
              response.headers[.contentEncoding] == nil,
              !(response.headers[.contentType] ?? "").hasPrefix("text/event-stream")
        else { return response }
        Self.addVary(to: &response.headers)
        guard request.method != .head, let coding = ContentCoding.preferred(request.headers[.acceptEncoding]) else { return response }
        let collector = BodyCollector()
        try await response.body.write(CollectingWriter(collector: collector))
        var body = collector.buffer
        let compressed = try body.compress(with: coding == .gzip ? .gzip() : .zlib())
        response.headers[.contentEncoding] = coding.rawValue
        response.headers[.contentLength] = nil
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    static func addVary(to headers: inout HTTPFields) {
        let existing = headers[values: .vary]
        if existing.contains(where: { $0.lowercased().contains("accept-encoding") || $0 == "*" }) { return }
        headers.append(HTTPField(name: .vary, value: "Accept-Encoding"))
    }
}

/// Holds the bytes a response body writes; used by one request's task only.
private final class BodyCollector {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let collector: BodyCollector

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collector.buffer.writeBuffer(&buffer)
    }

    mutating func write(contentsOf buffers: some Sequence<ByteBuffer>) async throws {
        for buffer in buffers { try await write(buffer) }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

import AsyncHTTPClient
import CompressNIO
import CordonCore
import CordonTestSupport
import Foundation
import Hummingbird
@testable import CordonServer
import Testing

/// gzip and deflate over a live server, read with a client that never decompresses, so the
/// bytes on the wire and their headers are what is checked.
@Suite struct CompressionTests {
    struct Raw {
        let status: UInt
        let encoding: String?
        let vary: [String]
        var body: ByteBuffer
    }

    static func fetch(_ server: LiveServer, _ path: String, acceptEncoding: String?, key: String) async throws -> Raw {
        var request = HTTPClientRequest(url: server.base + path)
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let acceptEncoding { request.headers.add(name: "Accept-Encoding", value: acceptEncoding) }
        // Not HTTPClient.shared: it asks for gzip itself and decompresses.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(decompression: .disabled))
        defer { _ = client.shutdown() }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Raw(status: response.status.code, encoding: response.headers.first(name: "Content-Encoding"),
                   vary: response.headers["Vary"], body: body)
    }

    @Test func lookupsAreCompressedAsTheClientAsksAndDecompressToTheSameAnswer() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let path = LookupEndpointTests.radiusPath(400)
            let plain = try await Self.fetch(server, path, acceptEncoding: nil, key: access.commander)
            #expect(plain.status == 200)
            #expect(plain.encoding == nil)
            #expect(plain.vary.contains("Accept-Encoding"))
            #expect(plain.body.readableBytes >= 1_024)

            var gzip = try await Self.fetch(server, path, acceptEncoding: "gzip", key: access.commander)
            #expect(gzip.encoding == "gzip")
            #expect(gzip.vary.contains("Accept-Encoding"))
            #expect(gzip.body.readableBytes < plain.body.readableBytes)
            #expect(gzip.body.getBytes(at: gzip.body.readerIndex, length: 2) == [0x1F, 0x8B])
            #expect(try gzip.body.decompress(with: .gzip()) == plain.body)

            // q-values: deflate preferred over a refused gzip; deflate is the zlib format.
            var deflate = try await Self.fetch(server, path, acceptEncoding: "gzip;q=0, deflate;q=0.5", key: access.commander)
            #expect(deflate.encoding == "deflate")
            #expect(try deflate.body.decompress(with: .zlib()) == plain.body)

            let identity = try await Self.fetch(server, path, acceptEncoding: "identity, gzip;q=0", key: access.commander)
            #expect(identity.encoding == nil)
            #expect(identity.body == plain.body)
            let preferred = try await Self.fetch(server, path, acceptEncoding: "gzip;q=0.2, identity;q=0.9", key: access.commander)
            #expect(preferred.encoding == nil)
            let wildcard = try await Self.fetch(server, path, acceptEncoding: "br, *;q=0.5", key: access.commander)
            #expect(wildcard.encoding == "gzip")
        }
    }

    @Test func tinyBodiesAreNeverCompressed() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let tiny = try await Self.fetch(server, "/healthz", acceptEncoding: "gzip", key: access.commander)
            #expect(tiny.status == 200)
            #expect(tiny.body.readableBytes < 1_024)
            #expect(tiny.encoding == nil)
        }
    }

    @Test func acceptEncodingChoosesByQValue() {
        #expect(ContentCoding.preferred(nil) == nil)
        #expect(ContentCoding.preferred("gzip, deflate") == .gzip)
        #expect(ContentCoding.preferred("deflate;q=1, gzip;q=0.4") == .deflate)
        #expect(ContentCoding.preferred("GZIP;Q=0.3") == .gzip)
        #expect(ContentCoding.preferred("x-gzip") == .gzip)
        #expect(ContentCoding.preferred("gzip;q=0, deflate;q=0") == nil)
        #expect(ContentCoding.preferred("br, zstd") == nil)
        #expect(ContentCoding.preferred("*") == .gzip)
        #expect(ContentCoding.preferred("*;q=0") == nil)
        #expect(ContentCoding.preferred("identity") == nil)
    }
}

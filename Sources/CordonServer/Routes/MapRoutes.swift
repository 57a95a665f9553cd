import CompressNIO
import CordonCore
import Crypto
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// GET /map: the City boundary, wards, coverage zones and every footprint with its figures,
/// in one GeoJSON answer that the console draws whole. Built once per minute and per change
/// of the registry, kept compressed, and revalidated with its ETag.
struct MapRoutes: Sendable {
    let registry: Registry
    let cache = MapCache()

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/map") { request, context in
            try context.requireActor().mayLookUp()
            let parameters = try QueryParameters(request, allowed: ["at"])
            // Figures and staleness move by the minute at most as far as a map can show.
            let instant = Self.minute(try parameters.instant())
            let now = Self.minute(Date())
            let revision = try await registry.mapRevision()
            let key = "\(revision)|\(instant.timeIntervalSince1970)|\(now.timeIntervalSince1970)"
            let entry: MapCache.Entry
            if let cached = cache.entry(for: key) {
                entry = cached
            } else {
                let text = try await registry.cityMap(at: instant, now: now).geoJSON()
                entry = try MapCache.Entry(key: key, text: text)
                cache.store(entry)
            }
            return entry.response(to: request)
        }
        table.add(.get, "/map")
    }

    static func minute(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}

/// The latest map answer, plain and gzipped.
final class MapCache: Sendable {
    struct Entry: Sendable {
        let key: String
        let plain: ByteBuffer
        let gzipped: ByteBuffer
        /// Weak: the plain and the gzipped bodies are the same answer.
        let eTag: String

        init(key: String, text: String) throws {
            self.key = key
            plain = ByteBuffer(string: text)
            var copy = plain
            gzipped = try copy.compress(with: .gzip())
            eTag = "W/\"" + SHA256.hash(data: Array(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        }

        func response(to request: Request) -> Response {
            var headers = HTTPFields()
            headers[.eTag] = eTag
            headers[.cacheControl] = "private, no-cache"
            headers[.vary] = "Accept-Encoding"
            if let match = request.headers[.ifNoneMatch],
               match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == eTag }) {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = MediaTypes.geoJSON
            if request.method != .head, ContentCoding.preferred(request.headers[.acceptEncoding]) == .gzip {
                headers[.contentEncoding] = "gzip"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzipped))
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: plain))
        }
    }

    private let latest = Mutex<Entry?>(nil)

    func entry(for key: String) -> Entry? {
        latest.withLock { $0?.key == key ? $0 : nil }
    }

    func store(_ entry: Entry) {
        latest.withLock { $0 = entry }
    }
}

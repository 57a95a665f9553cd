import CordonCore
import Foundation
import Hummingbird

/// OGC API - Features Part 1 (Core) over the buildings, so GIS clients (GDAL, QGIS) read the
/// registry unchanged. Feature ids are building ids, which contain a slash (`way/4959489`):
/// an item URL may carry the slash as it is (`/items/way/4959489`) or percent-encoded
/// (`/items/way%2F4959489`); links the server writes use the encoded form.
struct FeatureRoutes: Sendable {
    static let defaultLimit = 100
    static let collection = "buildings"
    let registry: Registry
    let address: PublicAddress

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/") { request, _ in
            try Self.onlyFormat(request)
            return landing(request)
        }
        table.add(.get, "/")
        router.get("/conformance") { request, _ in
            try Self.onlyFormat(request)
            return conformance()
        }
        table.add(.get, "/conformance")
        router.get("/collections") { request, _ in
            try Self.onlyFormat(request)
            return collections(request)
        }
        table.add(.get, "/collections")
        router.get("/collections/buildings") { request, _ in
            try Self.onlyFormat(request)
            return Response.text(collectionJSON(base(request)), contentType: MediaTypes.json)
        }
        table.add(.get, "/collections/buildings")
        router.get("/collections/buildings/items") { request, context in
            try context.requireActor().mayLookUp()
            return try await items(request)
        }
        table.add(.get, "/collections/buildings/items")
        router.get("/collections/buildings/items/{featureId}") { request, context in
            try context.requireActor().mayLookUp()
            try Self.onlyFormat(request)
            return try await item(request, id: try context.pathText("featureId"))
        }
        table.add(.get, "/collections/buildings/items/{featureId}")
        // The router needs one parameter name per position: {featureId} is the id's first part here.
        router.get("/collections/buildings/items/{featureId}/{idNumber}") { request, context in
            try context.requireActor().mayLookUp()
            try Self.onlyFormat(request)
            return try await item(request, id: try context.pathText("featureId") + "/" + context.pathText("idNumber"))
        }
        table.add(.get, "/collections/buildings/items/{featureId}/{idNumber}")
    }

    /// OGC clients may ask for a representation with `f`; this server writes JSON only, so
    /// `f` may name that and nothing else, and no other parameter is taken.
    @discardableResult
    static func onlyFormat(_ request: Request) throws(InputError) -> QueryParameters {
        let parameters = try QueryParameters(request, allowed: ["f"])
        try checkFormat(parameters)
        return parameters
    }

    static func checkFormat(_ parameters: QueryParameters) throws(InputError) {
        guard let format = parameters["f"] else { return }
        guard ["json", "geojson"].contains(format.lowercased()) else {
            throw InputError(field: "f", value: "'\(format)'", problem: "is not a format this server writes",
                             fix: "Give f=json (or f=geojson for features), or leave f out.")
        }
    }

    /// Absolute links, from the configured public address: never from the request's Host
    /// header, which would let any client point the links elsewhere.
    func base(_ request: Request) -> String {
        address.url
    }

    static func link(_ href: String, rel: String, type: String, title: String? = nil) -> String {
        JSONText.object([("href", JSONText.quoted(href)), ("rel", JSONText.quoted(rel)),
                         ("type", JSONText.quoted(type)), ("title", title.map(JSONText.quoted))])
    }

    func landing(_ request: Request) -> Response {
        let base = base(request)
        let body = JSONText.object([
            ("title", "\"Cordon building registry: City of London\""),
            ("description", "\"Building footprints (OpenStreetMap, ODbL) with site figures for emergency response. Figures of the bundled data are DEMONSTRATION FIGURES.\""),
            ("links", "[" + [
                Self.link(base + "/", rel: "self", type: MediaTypes.json, title: "This document"),
                Self.link(base + "/openapi.json", rel: "service-desc", type: MediaTypes.openAPI, title: "The API definition"),
                Self.link(base + "/conformance", rel: "conformance", type: MediaTypes.json, title: "Conformance classes"),
                Self.link(base + "/collections", rel: "data", type: MediaTypes.json, title: "Collections"),
            ].joined(separator: ",") + "]"),
        ])
        return .text(body, contentType: MediaTypes.json)
    }

    func conformance() -> Response {
        let classes = [
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        ]
        return .text("{\"conformsTo\":[" + classes.map(JSONText.quoted).joined(separator: ",") + "]}", contentType: MediaTypes.json)
    }

    func collections(_ request: Request) -> Response {
        let base = base(request)
        let body = JSONText.object([
            ("links", "[" + Self.link(base + "/collections", rel: "self", type: MediaTypes.json) + "]"),
            ("collections", "[" + collectionJSON(base) + "]"),
        ])
        return .text(body, contentType: MediaTypes.json)
    }

    func collectionJSON(_ base: String) -> String {
        JSONText.object([
            ("id", JSONText.quoted(Self.collection)),
            ("title", "\"Buildings\""),
            ("description", "\"Building footprints in the City of London with occupancy, guards, trauma packs, first-aid kits, defibrillators and survivor-reception capacity (demonstration figures for the bundled data).\""),
            ("itemType", "\"feature\""),
            ("crs", "[\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"]"),
            ("extent", "{\"spatial\":{\"bbox\":[[-0.1138,51.5069,-0.0727,51.5233]],\"crs\":\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"}}"),
            ("links", "[" + [
                Self.link(base + "/collections/buildings", rel: "self", type: MediaTypes.json),
                Self.link(base + "/collections/buildings/items", rel: "items", type: MediaTypes.geoJSON, title: "Buildings"),
            ].joined(separator: ",") + "]"),
        ])
    }

    func items(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["bbox", "limit", "offset", "f"])
        try Self.checkFormat(parameters)
        let limit = try parameters.integer("limit", default: Self.defaultLimit, range: 1...Registry.maximumPageSize)
        let offset = try parameters.integer("offset", default: 0, range: 0...Int(Int32.max))
        let bbox = try parameters["bbox"].map { text throws(InputError) in try BoundingBox.parse(text) }
        let page = try await registry.buildings(in: bbox, limit: limit, offset: offset)
        let base = base(request) + "/collections/buildings/items"
        func pageLink(_ offset: Int, rel: String) -> String {
            var query = "limit=\(limit)&offset=\(offset)"
            if let text = parameters["bbox"] { query += "&bbox=" + (text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? text) }
            return Self.link(base + "?" + query, rel: rel, type: MediaTypes.geoJSON)
        }
        var links = [pageLink(offset, rel: "self")]
        if offset + page.records.count < page.matched { links.append(pageLink(offset + limit, rel: "next")) }
        if offset > 0 { links.append(pageLink(max(0, offset - limit), rel: "prev")) }
        var body = "{\"type\":\"FeatureCollection\",\"numberMatched\":\(page.matched),\"numberReturned\":\(page.records.count)"
        body += ",\"timeStamp\":" + JSONText.quoted(LookupTime.text(Date()))
        body += ",\"links\":[" + links.joined(separator: ",") + "],\"features\":["
        body += page.records.map { $0.geoJSONFeature() }.joined(separator: ",")
        return .text(body + "]}", contentType: MediaTypes.geoJSON)
    }

    /// `id` comes percent-decoded from the path.
    func item(_ request: Request, id: String) async throws -> Response {
        let record = try await registry.building(id: id)
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
        let base = base(request) + "/collections/buildings"
        let links = "[" + [
            Self.link(base + "/items/" + encoded, rel: "self", type: MediaTypes.geoJSON),
            Self.link(base, rel: "collection", type: MediaTypes.json),
        ].joined(separator: ",") + "]"
        return .text(record.geoJSONFeature(links: links), contentType: MediaTypes.geoJSON)
    }
}

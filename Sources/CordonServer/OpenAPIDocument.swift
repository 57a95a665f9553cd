import Foundation

/// The OpenAPI 3 description of every endpoint, parameter and error. A test checks that each
/// route of the router appears here and that the document validates.
enum OpenAPIDocument {
    static let text: String = {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()

    private static func problem(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
    }

    private static func query(_ name: String, _ description: String, _ schema: [String: Any], required: Bool = false) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }

    private static var lookupOptions: [[String: Any]]{ [
        query("at", "Time whose figures apply (ISO 8601; without a zone, London local time). Default now. Day is 07:00-19:00 London time unless configured.", ["type": "string"]),
        query("format", "geojson (default), json (no geometry) or csv.", ["type": "string", "enum": ["geojson", "json", "csv"], "default": "geojson"]),
        query("totals_only", "Return only the query and its totals.", ["type": "boolean", "default": false]),
    ] }

    private static var lookupResponses: [String: Any]{ [
        "200": ["description": "Buildings and totals. GeoJSON: a FeatureCollection with `totals`; each feature's id is the building id.",
                "content": ["application/geo+json": ["schema": ["$ref": "#/components/schemas/LookupCollection"]],
                            "application/json": ["schema": ["type": "object"]],
                            "text/csv": ["schema": ["type": "string"]]]],
        "400": problem("A parameter is missing, malformed or out of range; the detail names it, its value and the fix."),
    ] }

    private static var featuresResponse: [String: Any]{ [
        "description": "Buildings as GeoJSON features.",
        "content": ["application/geo+json": ["schema": ["type": "object"]]],
    ] }

    private static var paths: [String: Any]{ [
        "/": ["get": ["summary": "Landing page with links (OGC API - Features).", "operationId": "landing",
                      "responses": ["200": ["description": "Links to the API definition, conformance and collections.",
                                            "content": ["application/json": ["schema": ["type": "object"]]]]]]],
        "/conformance": ["get": ["summary": "Conformance classes.", "operationId": "conformance",
                                 "responses": ["200": ["description": "conformsTo list.", "content": ["application/json": ["schema": ["type": "object"]]]]]]],
        "/collections": ["get": ["summary": "The collections (one: buildings).", "operationId": "collections",
                                 "responses": ["200": ["description": "Collections.", "content": ["application/json": ["schema": ["type": "object"]]]]]]],
        "/collections/buildings": ["get": ["summary": "The buildings collection.", "operationId": "buildingsCollection",
                                           "responses": ["200": ["description": "Collection metadata.", "content": ["application/json": ["schema": ["type": "object"]]]]]]],
        "/collections/buildings/items": ["get": [
            "summary": "Buildings, paged, optionally within a lon/lat bounding box.", "operationId": "buildingItems",
            "parameters": [
                query("bbox", "west,south,east,north in degrees (CRS84).", ["type": "array", "items": ["type": "number"], "minItems": 4, "maxItems": 6], required: false)
                    .merging(["style": "form", "explode": false]) { $1 },
                query("limit", "Features per page.", ["type": "integer", "minimum": 1, "maximum": 10_000, "default": 100]),
                query("offset", "Features to skip.", ["type": "integer", "minimum": 0, "default": 0]),
                query("f", "Output format (only GeoJSON is offered).", ["type": "string", "enum": ["json", "geojson"]]),
            ],
            "responses": ["200": featuresResponse, "400": problem("A bad bbox, limit or offset, or an unknown parameter.")],
        ]],
        "/collections/buildings/items/{featureId}": ["get": [
            "summary": "One building. The id contains a slash: percent-encode it (way%2F4959489) or give it as two path segments.",
            "operationId": "buildingItem",
            "parameters": [["name": "featureId", "in": "path", "required": true, "schema": ["type": "string"],
                            "description": "Building id, percent-encoded, e.g. way%2F4959489."]],
            "responses": ["200": featuresResponse, "404": problem("No building has this id.")],
        ]],
        "/collections/buildings/items/{featureId}/{idNumber}": ["get": [
            "summary": "One building, its id written with the slash as is (e.g. /items/way/4959489).",
            "operationId": "buildingItemBySegments",
            "parameters": [["name": "featureId", "in": "path", "required": true, "schema": ["type": "string"], "description": "The id's type: way, relation or mesh."],
                           ["name": "idNumber", "in": "path", "required": true, "schema": ["type": "string"], "description": "The number after the slash."]],
            "responses": ["200": featuresResponse, "404": problem("No building has this id.")],
        ]],
        "/lookup/radius": ["get": [
            "summary": "Every building whose footprint lies within a radius of a point (touching counts), nearest first, with distance_m and totals.",
            "operationId": "lookupRadius",
            "parameters": [
                query("lat", "Latitude of the centre (WGS84 degrees).", ["type": "number", "minimum": -90, "maximum": 90], required: true),
                query("lon", "Longitude of the centre (WGS84 degrees).", ["type": "number", "minimum": -180, "maximum": 180], required: true),
                query("radius", "Radius in metres, greater than 0 and at most 5000.", ["type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 5000], required: true),
            ] + lookupOptions,
            "responses": lookupResponses,
        ]],
        "/lookup/polygon": ["post": [
            "summary": "Every building whose footprint intersects a polygon (holes honoured), each marked inside full or partial, with totals.",
            "operationId": "lookupPolygon",
            "parameters": lookupOptions,
            "requestBody": ["required": true, "description": "A GeoJSON Polygon or MultiPolygon in lon/lat, bare, in a Feature, or in a FeatureCollection of one. At most 1 MiB.",
                            "content": ["application/geo+json": ["schema": ["type": "object"]], "application/json": ["schema": ["type": "object"]]]],
            "responses": lookupResponses.merging([
                "413": problem("The body is over 1 MiB."),
                "415": problem("The Content-Type is not application/geo+json or application/json."),
                "422": problem("The geometry is unusable: not a polygon, a ring not closed or under 4 positions, self-intersecting, out of range."),
            ]) { $1 },
        ]],
        "/openapi.json": ["get": ["summary": "This document.", "operationId": "openapi",
                                  "responses": ["200": ["description": "OpenAPI 3.0 document.", "content": ["application/vnd.oai.openapi+json;version=3.0": ["schema": ["type": "object"]]]]]]],
        "/healthz": ["get": ["summary": "Liveness and database check.", "operationId": "health",
                             "responses": ["200": ["description": "The service and its database answer.", "content": ["application/json": ["schema": ["type": "object"]]]],
                                           "500": problem("The database does not answer.")]]],
    ] }

    static var document: [String: Any]{ [
        "openapi": "3.0.3",
        "info": [
            "title": "Cordon building registry",
            "version": "1.0.0",
            "description": "Radius and polygon lookups over City of London building footprints with site figures (demonstration figures for the bundled data), and OGC API - Features for GIS clients. Every error is an RFC 9457 problem; 405 answers a known path with the wrong method; no bad input yields a 500.",
            "license": ["name": "Data: ODbL 1.0 (© OpenStreetMap contributors)", "url": "https://www.openstreetmap.org/copyright"],
        ],
        "servers": [["url": "/"]],
        "paths": paths,
        "components": ["schemas": [
            "Problem": ["type": "object", "required": ["type", "title", "status", "detail"], "properties": [
                "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                "detail": ["type": "string", "description": "Names the parameter, the value given and how to fix it."],
                "parameter": ["type": "string", "description": "The parameter at fault, when there is one."],
            ]],
            "Totals": ["type": "object", "properties": [
                "period": ["type": "string", "enum": ["day", "night"]], "at": ["type": "string", "format": "date-time"],
                "buildings": ["type": "integer"], "buildings_with_figures": ["type": "integer"],
                "occupancy": ["type": "integer"], "guards": ["type": "integer"], "trauma_packs": ["type": "integer"],
                "first_aid_kits": ["type": "integer"], "defibrillators": ["type": "integer"],
                "reception_capacity": ["type": "integer"], "demonstration_figures": ["type": "boolean"],
            ]],
            "LookupCollection": ["type": "object", "required": ["type", "features", "totals"], "properties": [
                "type": ["type": "string", "enum": ["FeatureCollection"]],
                "query": ["type": "object"],
                "totals": ["$ref": "#/components/schemas/Totals"],
                "features": ["type": "array", "items": ["type": "object"]],
            ]],
        ]],
    ] }
}

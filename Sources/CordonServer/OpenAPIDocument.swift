import Foundation

/// The OpenAPI 3 description of every endpoint, parameter and error. A test checks that each
/// route of the router appears here and that the document validates.
enum OpenAPIDocument {
    static let text: String = {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()

    static func problem(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
    }

    static func query(_ name: String, _ description: String, _ schema: [String: Any], required: Bool = false) -> [String: Any] {
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
                            "application/json": ["schema": ["$ref": "#/components/schemas/LookupAnswer"]],
                            "text/csv": ["schema": ["type": "string"]]]],
        "400": problem("A parameter is missing, malformed or out of range; the detail names it, its value and the fix."),
        "401": problem("No key, or an unknown, revoked or expired one."),
        "403": problem("Firm keys may not run lookups: they would show other firms' figures."),
    ] }

    private static var featuresResponse: [String: Any]{ [
        "description": "Buildings as GeoJSON features.",
        "content": ["application/geo+json": ["schema": ["type": "object"]]],
    ] }

    private static var buildingParameter: [String: Any] {
        ["name": "buildingId", "in": "path", "required": true, "schema": ["type": "string"],
         "description": "Building id, percent-encoded (way%2F4959489) or with its slash as is (/buildings/way/4959489/figures)."]
    }

    private static var ifMatch: [String: Any] {
        ["name": "If-Match", "in": "header", "required": true, "schema": ["type": "string"],
         "description": "The figures' ETag from the last read, e.g. \"3\"; \"0\" when the building has no figures yet."]
    }

    private static var figuresResponse: [String: Any] {
        ["description": "The figures (null when none are reported yet); the ETag header carries their version.",
         "headers": ["ETag": ["schema": ["type": "string"]]],
         "content": ["application/json": ["schema": ["type": "object"]]]]
    }

    private static var figuresWriteResponses: [String: Any] {
        ["200": figuresResponse,
         "400": problem("A bad figure: wrong type, out of range (bounds: occupancy 50000, guards 500, trauma packs 1000, first-aid kits 2000, defibrillators 200, reception 20000), unknown field, or above the declared maximum occupancy."),
         "403": problem("Not your building, or a role that may not write figures."),
         "404": problem("No such building."),
         "412": problem("The figures changed since the If-Match version; `current` holds them."),
         "428": problem("No If-Match header.")]
    }

    private static func figuresBody(complete: Bool) -> [String: Any] {
        var properties: [String: Any] = [:]
        for figure in ["occupancy_day", "occupancy_night", "guards_day", "guards_night", "trauma_packs", "first_aid_kits", "defibrillators", "reception_capacity", "occupancy_weekend", "guards_weekend"] {
            properties[figure] = ["type": "integer", "minimum": 0]
        }
        var schema: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        // The weekend figures are optional even in a PUT.
        if complete { schema["required"] = Array(properties.keys).filter { !$0.hasSuffix("_weekend") }.sorted() }
        return ["required": true, "content": ["application/json": ["schema": schema]]]
    }

    private static var paths: [String: Any] { [
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
                query("lat", "Latitude of the centre (WGS84 degrees); with lon, unless place is given.", ["type": "number", "minimum": -90, "maximum": 90]),
                query("lon", "Longitude of the centre (WGS84 degrees); with lat, unless place is given.", ["type": "number", "minimum": -180, "maximum": 180]),
                query("place", placeDescription, ["type": "string", "maxLength": 200]),
                query("radius", "Radius in metres, greater than 0 and at most 5000.", ["type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 5000], required: true),
            ] + lookupOptions,
            "responses": lookupResponses.merging(["409": ambiguousPlace]) { $1 },
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
        "/lookup/corridor": ["post": [
            "summary": "Every building whose footprint intersects a corridor (a route buffered by half its width, round at its ends and bends), each marked inside full or partial, with totals.",
            "operationId": "lookupCorridor",
            "parameters": lookupOptions,
            "requestBody": ["required": true, "description": "The route and its width, as an incident's corridor cordon takes them. At most 256 KiB.",
                            "content": ["application/json": ["schema": ["type": "object", "required": ["route", "width_m"], "additionalProperties": false, "properties": [
                                "type": ["type": "string", "enum": ["corridor"]],
                                "route": ["type": "object", "description": "A GeoJSON LineString in lon/lat (bare or in a Feature) of 2 to 1000 positions."],
                                "width_m": ["type": "number", "minimum": 1, "maximum": 2000,
                                            "description": "The corridor's whole width in metres: half of it on each side of the route."],
                            ]]]]],
            "responses": lookupResponses.merging([
                "413": problem("The body is over 256 KiB."),
                "415": problem("The Content-Type is not application/json."),
                "422": problem("The route is unusable: not a LineString of at least 2 positions, a position outside Great Britain, or no length."),
            ]) { $1 },
        ]],
        "/buildings/{buildingId}/figures": [
            "get": ["summary": "A building's figures with their version as ETag. Firms: their own buildings only.", "operationId": "getFigures",
                    "parameters": [buildingParameter],
                    "responses": ["200": figuresResponse, "403": problem("Not your building, or a role that may not read figures."), "404": problem("No such building.")]],
            "put": ["summary": "Replace all eight figures (managing firm or admin). Needs If-Match with the current ETag (\"0\" when the building has none yet).",
                    "operationId": "putFigures", "parameters": [buildingParameter, ifMatch],
                    "requestBody": figuresBody(complete: true),
                    "responses": figuresWriteResponses],
            "patch": ["summary": "Change some figures (managing firm or admin). Needs If-Match.", "operationId": "patchFigures",
                      "parameters": [buildingParameter, ifMatch], "requestBody": figuresBody(complete: false),
                      "responses": figuresWriteResponses],
        ],
        "/buildings/{buildingId}/figures/confirm": ["post": [
            "summary": "Confirm every figure unchanged: each is marked confirmed now. Needs If-Match.", "operationId": "confirmFigures",
            "parameters": [buildingParameter, ifMatch], "responses": figuresWriteResponses,
        ]],
        "/buildings/{buildingId}/history": ["get": [
            "summary": "The latest changes of a building's figures: old and new values, who, when, channel.", "operationId": "figuresHistory",
            "parameters": [buildingParameter],
            "responses": ["200": ["description": "Changes, newest first.", "content": ["application/json": ["schema": ["type": "object"]]]],
                          "403": problem("Not your building."), "404": problem("No such building.")],
        ]],
        "/buildings/{buildingId}/site": [
            "get": ["summary": "Who manages the building, its control-room phone and email, its declared maximum occupancy. Managing firm and commanders only.",
                    "operationId": "getSite", "parameters": [buildingParameter],
                    "responses": ["200": ["description": "Site details.", "content": ["application/json": ["schema": ["type": "object"]]]],
                                  "403": problem("Contacts are visible only to the managing firm and to commanders."), "404": problem("No such building.")]],
            "put": ["summary": "Change control_room_phone, email or max_occupancy (managing firm).", "operationId": "putSite",
                    "parameters": [buildingParameter],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "additionalProperties": false, "properties": [
                        "control_room_phone": ["type": "string", "nullable": true], "email": ["type": "string", "nullable": true],
                        "max_occupancy": ["type": "integer", "minimum": 0, "maximum": 50_000, "nullable": true]]]]]],
                    "responses": ["200": ["description": "The site details now.", "content": ["application/json": ["schema": ["type": "object"]]]],
                                  "400": problem("A bad field: the detail names it."), "403": problem("Not your building."), "404": problem("No such building.")]],
        ],
        "/figures/bulk": ["post": [
            "summary": "Upload figures as CSV (header building_id plus any figure columns; an empty cell keeps the figure), all or nothing. Firms: own buildings; admins: any.",
            "operationId": "bulkFigures",
            "requestBody": ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]],
            "responses": ["200": ["description": "Rows applied.", "content": ["application/json": ["schema": ["type": "object"]]]],
                          "403": problem("A role that may not write figures."), "413": problem("Over 4 MiB."),
                          "415": problem("Not text/csv."),
                          "422": problem("Refused whole, nothing written; `problems` lists every bad line with line, column and reason.")],
        ]],
        "/reports/stale": ["get": [
            "summary": "Buildings whose figures need refreshing (live figures older than 24 h, equipment older than 30 days, configurable), by firm. Firms see only their own.",
            "operationId": "staleReport",
            "parameters": [query("organisation", "Only this firm's buildings.", ["type": "string"])],
            "responses": ["200": ["description": "Stale buildings.", "content": ["application/json": ["schema": ["type": "object"]]]],
                          "403": problem("A firm asking for another firm's buildings.")],
        ]],
        "/organisations": [
            "get": ["summary": "Organisations (admin).", "operationId": "listOrganisations",
                    "responses": ["200": ["description": "Organisations.", "content": ["application/json": ["schema": ["type": "object"]]]], "403": problem("Admin only.")]],
            "post": ["summary": "Create an organisation with a role: admin, commander, planner or firm (admin).", "operationId": "createOrganisation",
                     "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "required": ["id", "name", "role"], "properties": [
                        "id": ["type": "string"], "name": ["type": "string"], "role": ["type": "string", "enum": ["admin", "commander", "planner", "firm"]]]]]]],
                     "responses": ["201": ["description": "Created.", "content": ["application/json": ["schema": ["type": "object"]]]],
                                   "400": problem("A bad or taken id, name or role."), "403": problem("Admin only.")]],
        ],
        "/organisations/{organisationId}/buildings": ["post": [
            "summary": "Make a firm the manager of buildings (admin).", "operationId": "assignBuildings",
            "parameters": [["name": "organisationId", "in": "path", "required": true, "schema": ["type": "string"]]],
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "properties": ["building_ids": ["type": "array", "items": ["type": "string"]]]]]]],
            "responses": ["200": ["description": "Assigned.", "content": ["application/json": ["schema": ["type": "object"]]]],
                          "400": problem("Not a firm, or no building ids."), "403": problem("Admin only."), "404": problem("No such organisation or building.")],
        ]],
        "/organisations/{organisationId}/keys": ["post": [
            "summary": "Issue an API key; the key is in this response only, and only its hash is stored (admin).", "operationId": "createKey",
            "parameters": [["name": "organisationId", "in": "path", "required": true, "schema": ["type": "string"]]],
            "requestBody": ["required": false, "content": ["application/json": ["schema": ["type": "object", "properties": ["expires_at": ["type": "string", "format": "date-time"]]]]]],
            "responses": ["201": ["description": "The new key.", "content": ["application/json": ["schema": ["type": "object"]]]],
                          "403": problem("Admin only."), "404": problem("No such organisation.")],
        ]],
        "/keys/{keyId}": ["delete": [
            "summary": "Revoke a key (admin).", "operationId": "revokeKey",
            "parameters": [["name": "keyId", "in": "path", "required": true, "schema": ["type": "string"]]],
            "responses": ["204": ["description": "Revoked."], "400": problem("Already revoked."), "403": problem("Admin only."), "404": problem("No such key.")],
        ]],
        "/audit": ["get": [
            "summary": "The append-only, hash-chained audit log, newest first (admin).", "operationId": "audit",
            "parameters": [
                query("building", "Only rows about this building.", ["type": "string"]),
                query("organisation", "Only rows by or about this organisation.", ["type": "string"]),
                query("from", "From this time (ISO 8601).", ["type": "string"]),
                query("to", "Before this time (ISO 8601).", ["type": "string"]),
                query("limit", "Rows, 1-10000.", ["type": "integer", "minimum": 1, "maximum": 10_000, "default": 100]),
            ],
            "responses": ["200": ["description": "Audit rows.", "content": ["application/json": ["schema": ["type": "object"]]]], "403": problem("Admin only.")],
        ]],
        "/plan/reception": ["post": [
            "summary": "Survivor reception plan for a cordon: the displaced (occupancy of the buildings inside), centres with reception capacity outside it within walking distance of its edge, and the exact allocation minimising person-metres walked; the shortfall and the nearest further centres. Commanders, planners, admins.",
            "operationId": "planReception",
            "parameters": [
                query("format", "json (default), geojson (centres, displaced buildings and flows for a map), csv or svg (a map of the plan).",
                      ["type": "string", "enum": ["json", "geojson", "csv", "svg"]]),
                query("table", "With format=csv, which table (UTF-8 with a byte-order mark, one value a cell, lat and lon of every centre and building): centres (default; then the further centres), buildings (the displaced: people, placed, unplaced), allocations (building to centre, people, metres) or totals (one row, with the warnings).",
                      ["type": "string", "enum": ["centres", "buildings", "allocations", "totals"]]),
            ],
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object", "properties": [
                "incident": ["type": "integer", "description": "Plan for an incident's current inner cordon (and its outer cordon unless `outer` is given), instead of `cordon`."],
                "cordon": ["type": "object", "description": "{\"type\": \"radius\", \"lat\", \"lon\", \"radius_m\"} (or \"place\": \"30 St Mary Axe\" / \"TQ 33238 81305\" instead of lat and lon) | {\"type\": \"polygon\", \"geometry\"} | {\"type\": \"corridor\", \"route\": LineString, \"width_m\"}"],
                "outer": ["type": "object", "description": "An outer cordon of the same forms: centres inside it are not used."],
                "walk_m": ["type": "number", "default": 1000], "at": ["type": "string", "format": "date-time"],
            ]]]]],
            "responses": ["200": ["description": "The plan.", "content": ["application/json": ["schema": ["type": "object"]], "application/geo+json": ["schema": ["type": "object"]], "text/csv": ["schema": ["type": "string"]], "image/svg+xml": ["schema": ["type": "string"]]]],
                          "400": problem("A bad cordon, walking distance, time, format or table (table only with format=csv)."), "403": problem("Firms may not plan."),
                          "404": problem("No incident has the number given as `incident`."),
                          "409": ambiguousPlace,
                          "422": problem("An unusable cordon geometry.")],
        ]],
        "/plan/coverage": ["get": [
            "summary": "A radius cordon evaluated at every point of a grid across the City: displaced, reception capacity within walking distance, shortfall; per-ward summary, GeoJSON grid, CSV or an SVG heat map.",
            "operationId": "planCoverage",
            "parameters": [
                query("radius", "The cordon's radius in metres.", ["type": "number"], required: true),
                query("spacing", "Grid spacing in metres, 10-1000.", ["type": "number", "default": 50]),
                query("walk", "Walking distance from the cordon's edge in metres.", ["type": "number", "default": 1000]),
                query("at", "The time whose figures apply (day or night).", ["type": "string"]),
                query("format", "json (per-ward summary), geojson, csv or svg.", ["type": "string", "enum": ["json", "geojson", "csv", "svg"]]),
                query("table", "With format=csv, which table (UTF-8 with a byte-order mark, one value a cell): points (default; one row per grid point with lon and lat), wards (the per-ward summary) or summary (one row).",
                      ["type": "string", "enum": ["points", "wards", "summary"]]),
            ],
            "responses": ["200": ["description": "The coverage.", "content": ["application/json": ["schema": ["type": "object"]], "application/geo+json": ["schema": ["type": "object"]], "text/csv": ["schema": ["type": "string"]], "image/svg+xml": ["schema": ["type": "string"]]]],
                          "400": problem("A bad radius, spacing, walking distance, format or table (table only with format=csv)."), "403": problem("Firms may not plan.")],
        ]],
        "/openapi.json": ["get": ["summary": "This document.", "operationId": "openapi",
                                  "responses": ["200": ["description": "OpenAPI 3.0 document.", "content": ["application/vnd.oai.openapi+json;version=3.0": ["schema": ["type": "object"]]]]]]],
        "/healthz": ["get": ["summary": "Liveness and database check (no key needed).", "operationId": "health", "security": [[String: Any]](),
                             "responses": ["200": ["description": "The service and its database answer.", "content": ["application/json": ["schema": [
                                 "type": "object", "properties": [
                                     "status": ["type": "string"], "buildings": ["type": "integer"],
                                     "radius_index": ["type": "object", "nullable": true,
                                                      "description": "The in-memory copy radius lookups are answered from; null when the server runs with --no-radius-index.",
                                                      "properties": ["copies_read": ["type": "integer"], "lookups_answered": ["type": "integer"]]],
                                 ]]]]],
                                           "500": problem("The database does not answer.")]]],
    ] }

    /// The answers any operation can give, added where an operation does not describe them
    /// itself: every status the server sends is declared.
    static func withCommonResponses(_ paths: [String: Any]) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: paths.map { path, item -> (String, Any) in
            guard let item = item as? [String: Any] else { return (path, item) }
            return (path, withCommonResponses(path: path, item))
        })
    }

    private static func withCommonResponses(path: String, _ item: [String: Any]) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: item.map { method, operation -> (String, Any) in
            guard var operation = operation as? [String: Any],
                  var responses = operation["responses"] as? [String: Any] else { return (method, operation) }
            let open = (operation["security"] as? [Any])?.isEmpty == true
            var common: [String: Any] = [
                "400": problem("An unknown query parameter, or a malformed one; the detail names it, its value and the fix."),
                "500": problem("The server could not answer; the error is logged, and the detail reveals nothing more."),
            ]
            if !open {
                common["401"] = problem("No key, or an unknown, revoked or expired one.")
                common["403"] = problem("The key's role may not do this; the detail says why.")
                common["429"] = problem("Too many requests with this key; Retry-After says when to send again.")
                common["503"] = problem("Busy with other costly requests (Retry-After), or this one ran past its deadline or its client went away.")
            }
            if path.contains("{") {
                common["404"] = problem("Nothing has the id in the path.")
            }
            if operation["requestBody"] != nil {
                common["413"] = problem("The body is over the size limit.")
                common["415"] = problem("The Content-Type is not one this operation accepts.")
            }
            for (status, response) in common where responses[status] == nil { responses[status] = response }
            operation["responses"] = responses
            return (method, operation)
        })
    }

    static var document: [String: Any]{ [
        "openapi": "3.0.3",
        "info": [
            "title": "Cordon building registry",
            "version": "1.0.0",
            "description": "Radius and polygon lookups over City of London building footprints with site figures (demonstration figures for the bundled data), and OGC API - Features for GIS clients. Every error is an RFC 9457 problem; 405 answers a known path with the wrong method; no bad input yields a 500.",
            "license": ["name": "Data: ODbL 1.0 (© OpenStreetMap contributors)", "url": "https://www.openstreetmap.org/copyright"],
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": [String]()]],
        "paths": withCommonResponses(paths.merging(incidentPaths) { current, _ in current }
            .merging(consolePaths) { current, _ in current }
            .merging(placePaths) { current, _ in current }.merging(firmListPaths) { current, _ in current }),
        "components": [
          "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer",
                                         "description": "An API key from `cordon key create` or POST /organisations/{id}/keys. Every endpoint but /healthz needs one."]],
          "schemas": [
            "Problem": ["type": "object", "required": ["type", "title", "status", "detail"], "properties": [
                "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                "detail": ["type": "string", "description": "Names the parameter, the value given and how to fix it."],
                "parameter": ["type": "string", "description": "The parameter at fault, when there is one."],
            ]],
            "Totals": ["type": "object", "properties": [
                "period": ["type": "string", "enum": ["day", "night", "weekend"], "description": "weekend: the day hours of a Saturday, Sunday or bank holiday."],
                "at": ["type": "string", "format": "date-time"],
                "weekday_figures": ["type": "integer", "description": "On a weekend day: buildings without weekend figures, counted with their weekday day figures."],
                "buildings": ["type": "integer"], "buildings_with_figures": ["type": "integer"],
                "occupancy": ["type": "integer"], "guards": ["type": "integer"], "trauma_packs": ["type": "integer"],
                "first_aid_kits": ["type": "integer"], "defibrillators": ["type": "integer"],
                "reception_capacity": ["type": "integer"], "demonstration_figures": ["type": "boolean"],
                "stale_figures": ["type": "integer", "description": "Buildings in the answer with at least one stale figure."],
                "lower_bound": ["type": "boolean", "description": "True when part of the area has no building data (or the registry cannot tell): the totals count only what is known."],
            ]],
            "LookupCollection": ["type": "object", "required": ["type", "features", "totals", "warnings", "data_coverage"], "properties": [
                "type": ["type": "string", "enum": ["FeatureCollection"]],
                "query": ["type": "object"],
                "warnings": ["$ref": "#/components/schemas/Warnings"],
                "data_coverage": ["$ref": "#/components/schemas/DataCoverage"],
                "totals": ["$ref": "#/components/schemas/Totals"],
                "features": ["type": "array", "items": ["type": "object"]],
            ]],
            "LookupAnswer": ["type": "object", "required": ["query", "totals", "warnings", "data_coverage"], "properties": [
                "query": ["type": "object"],
                "warnings": ["$ref": "#/components/schemas/Warnings"],
                "data_coverage": ["$ref": "#/components/schemas/DataCoverage"],
                "totals": ["$ref": "#/components/schemas/Totals"],
                "buildings": ["type": "array", "items": ["type": "object"]],
            ]],
            "Warnings": ["type": "array", "items": ["type": "string"],
                         "description": "What the numbers alone do not show, in plain words, the most important first; empty when all is well."],
            "CoveragePart": ["type": "object", "nullable": true, "required": ["share", "area_m2"], "properties": [
                "share": ["type": "number", "minimum": 0, "maximum": 1, "description": "Of the whole area, to three decimals."],
                "area_m2": ["type": "number", "minimum": 0, "description": "Square metres, whole."],
            ]],
            "DataCoverage": ["type": "object", "required": ["known", "area_m2", "with_data", "no_data", "outside_city", "sources"],
                             "description": "How much of the answer's area has building data (measured on the British National Grid), lies in the City's no-data gap, and lies outside the City. The parts are null when the registry holds no coverage zones (known false).",
                             "properties": [
                "known": ["type": "boolean"],
                "area_m2": ["type": "number", "minimum": 0],
                "with_data": ["$ref": "#/components/schemas/CoveragePart"],
                "no_data": ["$ref": "#/components/schemas/CoveragePart"],
                "outside_city": ["$ref": "#/components/schemas/CoveragePart"],
                "sources": ["type": "array", "description": "The source datasets of the part with data, the largest part first.",
                            "items": ["type": "object", "required": ["name", "date"], "properties": [
                                "name": ["type": "string"], "date": ["type": "string", "nullable": true]]]],
            ]],
        ]],
    ] }
}

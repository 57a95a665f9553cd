import Foundation

/// Place search and the caller's own list in the OpenAPI document.
extension OpenAPIDocument {
    static var placeCandidate: [String: Any] {
        ["type": "object", "required": ["id", "label", "lat", "lon", "grid_reference"], "properties": [
            "id": ["type": "string"], "label": ["type": "string"],
            "name": ["type": "string", "nullable": true], "address": ["type": "string", "nullable": true],
            "postcode": ["type": "string", "nullable": true], "ward": ["type": "string", "nullable": true],
            "lat": ["type": "number"], "lon": ["type": "number"],
            "grid_reference": ["type": "string", "description": "British National Grid reference to the metre, e.g. TQ 33238 81305."],
        ]]
    }

    /// The 409 of a place that names several buildings.
    static var ambiguousPlace: [String: Any] {
        ["description": "The place names several buildings; `candidates` lists them (at most 10, `more_candidates` when there are more). Give one by its id or full name.",
         "content": ["application/problem+json": ["schema": ["allOf": [
            ["$ref": "#/components/schemas/Problem"],
            ["type": "object", "properties": ["candidates": ["type": "array", "items": placeCandidate],
                                              "more_candidates": ["type": "boolean"]]],
         ]]]]]
    }

    static let placeDescription = "A building's name, address, postcode or id (\"30 St Mary Axe\"), or a British National Grid reference (\"TQ 33238 81305\", or eastings and northings \"533238,181305\"), instead of lat and lon. A name several buildings share is refused with 409 and the candidates."

    static var placePaths: [String: Any] { [
        "/search": ["get": [
            "summary": "Buildings by name, address, postcode, ward or id (every word as a prefix; case, accents and St/Street do not matter), exact names first, each with a point to centre a cordon on. Every key may search: the answer holds no figures.",
            "operationId": "searchPlaces",
            "parameters": [
                query("q", "The text to search for, at most 200 characters and 12 words, e.g. \"st mary axe\", \"EC3A 8EP\", \"liverpool st\".",
                      ["type": "string", "minLength": 1, "maxLength": 200], required: true),
                query("limit", "At most this many results.", ["type": "integer", "minimum": 1, "maximum": 50, "default": 10]),
            ],
            "responses": [
                "200": ["description": "The matching buildings, best first.",
                        "content": ["application/json": ["schema": [
                            "type": "object", "required": ["query", "results"],
                            "properties": ["query": ["type": "string"], "results": ["type": "array", "items": placeCandidate]],
                        ]]]],
                "400": problem("q is missing, too long, holds control characters or no letters or digits; or a bad limit."),
            ],
        ]],
    ] }
}

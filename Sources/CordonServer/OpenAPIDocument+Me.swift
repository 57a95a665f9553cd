import Foundation

/// The caller's own organisation and buildings in the OpenAPI document.
extension OpenAPIDocument {
    private static var managedBuilding: [String: Any] {
        ["type": "object", "required": ["id", "label", "version", "etag", "figures_reported", "stale"], "properties": [
            "id": ["type": "string"], "label": ["type": "string"],
            "name": ["type": "string", "nullable": true], "address": ["type": "string", "nullable": true],
            "postcode": ["type": "string", "nullable": true], "ward": ["type": "string", "nullable": true],
            "managed_by": ["type": "string", "nullable": true],
            "version": ["type": "integer", "description": "The figures' version, as GET /buildings/{id}/figures gives it in ETag; 0 without figures."],
            "etag": ["type": "string", "description": "The version as an ETag, for If-Match."],
            "figures_reported": ["type": "boolean"],
            "figures": ["type": "object", "nullable": true, "description": "Each figure: {value, confirmed_at, confirmed_by, stale, stale_at}, or null."],
            "stale": ["type": "boolean"], "stale_figures": ["type": "array", "items": ["type": "string"]],
            "soon_stale": ["type": "boolean", "description": "Not stale yet, but a figure is in the last quarter of its life (18 h of 24 for occupancy and guards, 22.5 days of 30 for equipment, under the standard policy)."],
            "stale_at": ["type": "string", "nullable": true, "description": "When the next figure goes stale (in the past when one already is): sorting by it puts the most urgent site first."],
            "oldest_confirmed_at": ["type": "string", "nullable": true], "demonstration_figures": ["type": "boolean"],
        ]]
    }

    private static var csvSpreadsheet: [String: Any] {
        ["description": "The figures spreadsheet in the bulk-upload format: building_id, every figure (empty where none is held) and label (which an upload does not read). POST /figures/bulk takes it back unchanged and changes nothing.",
         "content": ["text/csv": ["schema": ["type": "string"]]]]
    }

    static var firmListPaths: [String: Any] { [
        "/me": ["get": [
            "summary": "Who the key belongs to: organisation id, name and role, the key's id, and whether /me/buildings lists the buildings it manages or all of them.",
            "operationId": "me",
            "responses": ["200": ["description": "The key's organisation.", "content": ["application/json": ["schema": [
                "type": "object", "required": ["organisation_id", "role"],
                "properties": ["organisation_id": ["type": "string", "nullable": true], "name": ["type": "string", "nullable": true],
                               "role": ["type": "string", "enum": ["admin", "commander", "planner", "firm"]],
                               "key_id": ["type": "string", "nullable": true],
                               "buildings": ["type": "string", "enum": ["managed", "all"]]],
            ]]]]],
        ]],
        "/me/buildings": ["get": [
            "summary": "The buildings the caller keeps, with label, figures, staleness and version: a firm's own buildings; every current building for commanders, planners and admins (who may read every building's figures). No contact details.",
            "operationId": "myBuildings",
            "parameters": [query("format", "json (default) or csv (the bulk-upload spreadsheet).", ["type": "string", "enum": ["json", "csv"]]),
                           query("f", "The same as format.", ["type": "string", "enum": ["json", "csv"]])],
            "responses": ["200": ["description": "The list (JSON) or the spreadsheet (CSV).",
                                  "content": ["application/json": ["schema": [
                                      "type": "object", "required": ["scope", "count", "buildings"],
                                      "properties": ["organisation_id": ["type": "string", "nullable": true],
                                                     "scope": ["type": "string", "enum": ["managed", "all"]],
                                                     "count": ["type": "integer"], "stale": ["type": "integer"],
                                                     "live_maximum_age_hours": ["type": "number"], "equipment_maximum_age_days": ["type": "number"],
                                                     "demonstration_figures": ["type": "boolean"],
                                                     "buildings": ["type": "array", "items": managedBuilding]],
                                  ]], "text/csv": ["schema": ["type": "string"]]]],
                          "400": problem("An unknown format.")],
        ]],
        "/me/buildings.csv": ["get": [
            "summary": "The caller's buildings as the figures spreadsheet (the same as /me/buildings?format=csv).",
            "operationId": "myBuildingsCSV",
            "responses": ["200": csvSpreadsheet],
        ]],
        "/me/buildings/confirm": ["post": [
            "summary": "Confirm the figures of many buildings unchanged at once, all or nothing: {\"buildings\": [ids]} (firms: their own; admins: any) or {\"all\": true} (a firm: every building it manages). Each is confirmed as POST /buildings/{id}/figures/confirm does, with an audit row each.",
            "operationId": "confirmMyBuildings",
            "requestBody": ["required": true, "content": ["application/json": ["schema": [
                "type": "object", "additionalProperties": false,
                "properties": ["buildings": ["type": "array", "items": ["type": "string"], "minItems": 1, "maxItems": 10_000],
                               "all": ["type": "boolean", "enum": [true]]],
            ]]]],
            "responses": ["200": ["description": "How many buildings were confirmed, and when.", "content": ["application/json": ["schema": [
                "type": "object", "required": ["confirmed", "confirmed_at", "buildings"],
                "properties": ["confirmed": ["type": "integer"], "confirmed_at": ["type": "string", "format": "date-time"],
                               "buildings": ["type": "array", "items": ["type": "string"]]],
            ]]]],
                          "400": problem("A body that is neither a list of building ids nor {\"all\": true}; {\"all\": true} from a key that is not a firm's."),
                          "403": problem("Commanders and planners do not confirm figures."),
                          "422": ["description": "Nothing was confirmed: `problems` lists every building that could not be (not managed by the caller, unknown, without figures, named twice).",
                                  "content": ["application/problem+json": ["schema": ["allOf": [
                                      ["$ref": "#/components/schemas/Problem"],
                                      ["type": "object", "properties": ["problems": ["type": "array", "items": [
                                          "type": "object", "properties": ["building_id": ["type": "string"], "reason": ["type": "string"]]]]]],
                                  ]]]]]],
        ]],
    ] }
}

import Foundation

/// The console's pages, its sign-in and its map answer in the OpenAPI document.
extension OpenAPIDocument {
    private static var sessionAnswer: [String: Any] {
        ["type": "object", "properties": [
            "signed_in": ["type": "boolean"], "organisation_id": ["type": "string", "nullable": true],
            "role": ["type": "string", "enum": ["admin", "commander", "planner", "firm"]],
            "signed_in_with": ["type": "string", "enum": ["key", "session"]],
            "expires_at": ["type": "string", "format": "date-time", "nullable": true],
            "session_ended": ["type": "boolean", "description": "Nobody is signed in because the cookie's session has ended."],
            "detail": ["type": "string", "description": "Why nobody is signed in, when so."],
        ]]
    }

    static var consolePaths: [String: Any] { [
        "/console": ["get": [
            "summary": "The commander's console (HTML). A browser asking / for HTML is sent here.", "operationId": "console",
            "security": [[String: Any]](),
            "responses": ["200": ["description": "The console's page.", "content": ["text/html": ["schema": ["type": "string"]]]],
                          "304": ["description": "The page is unchanged since the ETag sent in If-None-Match."]],
        ]],
        "/console/{asset}": ["get": [
            "summary": "The console's styles and scripts (embedded in the server), settings.json, and Leaflet under vendor/leaflet/ (from Debian's libjs-leaflet).",
            "operationId": "consoleAsset", "security": [[String: Any]](),
            "parameters": [["name": "asset", "in": "path", "required": true, "schema": ["type": "string"],
                            "description": "A path below /console/, e.g. js/main.js or vendor/leaflet/leaflet.js."]],
            "responses": ["200": ["description": "The file, with its ETag.", "content": [
                              "text/html": ["schema": ["type": "string"]], "text/javascript": ["schema": ["type": "string"]],
                              "text/css": ["schema": ["type": "string"]], "image/png": ["schema": ["type": "string", "format": "binary"]],
                              "application/json": ["schema": ["type": "object"]]]],
                          "304": ["description": "The file is unchanged since the ETag sent in If-None-Match."],
                          "404": problem("The console has no such file.")],
        ]],
        "/session": [
            "post": [
                "summary": "Sign in to the console: the key in 'Authorization: Bearer' is exchanged for a session cookie (HttpOnly, SameSite=Strict, Secure over https) lasting --session-hours (8). Audited.",
                "operationId": "signIn",
                "responses": ["201": ["description": "Signed in; Set-Cookie carries the session.",
                                      "headers": ["Set-Cookie": ["schema": ["type": "string"]]],
                                      "content": ["application/json": ["schema": sessionAnswer]]],
                              "400": problem("The request carried a session cookie instead of a key.")],
            ],
            "get": [
                "summary": "Who is signed in: by the session cookie or a key; signed_in false when nobody is.",
                "operationId": "whoIsSignedIn", "security": [[String: Any]](),
                "responses": ["200": ["description": "Who is signed in.", "content": ["application/json": ["schema": sessionAnswer]]]],
            ],
            "delete": [
                "summary": "Sign out the session in the cookie. Audited. Requests made with the cookie that change anything must carry this server's Origin.",
                "operationId": "signOut",
                "responses": ["204": ["description": "Signed out; the cookie is cleared."],
                              "400": problem("The request carries no session cookie (a key needs no signing out).")],
            ],
        ],
        "/map": ["get": [
            "summary": "The console's map in one answer: the City boundary, wards, coverage zones (layer no_data where there is no building data) and every footprint with its figures for the period (positions rounded to 5 decimals). ETag; gzip.",
            "operationId": "cityMap",
            "parameters": [query("at", "Time whose figures apply (ISO 8601; without a zone, London local time). Default now.", ["type": "string"])],
            "responses": ["200": ["description": "A GeoJSON FeatureCollection.", "content": ["application/geo+json": ["schema": ["type": "object"]]]],
                          "304": ["description": "Unchanged since the ETag sent in If-None-Match."],
                          "403": problem("Firm keys may not read the map: it shows every building's figures.")],
        ]],
    ] }
}

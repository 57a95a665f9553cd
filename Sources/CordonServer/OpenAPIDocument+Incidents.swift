import Foundation

/// Incidents, alerts and the firms' feed in the OpenAPI document.
extension OpenAPIDocument {
    private static func path(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1], "description": description]
    }

    private static var incident: [String: Any] { path("incidentId", "The incident's number.") }
    private static var alert: [String: Any] { path("alertId", "The alert's number.") }

    private static func json(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["type": "object"]]]]
    }

    private static func body(_ description: String, required: [String] = [], properties: [String: Any]) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }  // OpenAPI 3.0 forbids an empty list
        return ["required": true, "description": description, "content": ["application/json": ["schema": schema]]]
    }

    private static let cordonForms = "{\"preset\": \"suitcase\"} (see GET /cordon-presets) | {\"type\": \"radius\", \"radius_m\", \"lat\"?, \"lon\"?} (centred on the incident unless given) | {\"type\": \"polygon\", \"geometry\"} | {\"type\": \"corridor\", \"route\": LineString, \"width_m\"} (inner cordon only)"

    private static var alertBody: [String: Any] {
        ["priority": ["type": "string", "enum": ["red", "amber", "green"]],
         "message": ["type": "string", "maxLength": 2000], "instruction": ["type": "string", "maxLength": 2000],
         "target": ["type": "object", "description": "Exactly one of {\"zones\": [\"inner\", \"outer\", \"advisory\"]}, {\"city\": true}, {\"buildings\": [ids]}. A zone that is not set is an error; nothing is ever widened."],
         "allow_empty": ["type": "boolean", "default": false, "description": "Record the alert even when the target holds no building."],
         "allow_unreachable": ["type": "boolean", "default": false, "description": "Record the alert even when no firm manages any of its buildings, so that nobody receives it."]]
    }

    private static var sent: [String: Any] {
        ["201": json("The alert as sent: counts, recipients (with the firm of each), unreachable buildings (no managing firm) and, for an alert to zones, warnings and zones: [{zone, data_coverage, warnings}] (how much of each zone has building data). Location: /alerts/{id}."),
         "400": problem("A missing or bad priority, message or target, or a target that resolves to no building without allow_empty."),
         "403": problem("Only commanders send alerts."), "404": problem("No such incident or alert."),
         "409": problem("The incident is closed, the alert was cancelled, or no firm manages any of the target's buildings (send allow_unreachable to record it anyway).")]
    }

    static var incidentPaths: [String: Any] { [
        "/incidents": [
            "post": [
                "summary": "Open an incident (commanders): a name, a location and an inner cordon; optional outer cordon and advisory ring.",
                "operationId": "openIncident",
                "requestBody": body("The incident.", required: ["name", "location", "inner"], properties: [
                    "name": ["type": "string", "maxLength": 200],
                    "location": ["type": "object", "description": "{\"lat\", \"lon\", \"description\"?} or {\"place\": \"30 St Mary Axe\", \"description\"?}: a building's name, address or id, or a grid reference such as TQ 33238 81305 (the description defaults to the building's label). A radius cordon may also take a place instead of lat and lon."],
                    "inner": ["type": "object", "description": cordonForms],
                    "outer": ["type": "object", "description": "A radius, preset or polygon."],
                    "advisory": ["type": "object", "description": "A radius, preset or polygon."],
                ]),
                "responses": ["201": json("The incident with its cordons (version 1). Location: /incidents/{id}."),
                              "400": problem("A bad name, location or cordon; the detail names the field."),
                              "403": problem("Only commanders open incidents."), "422": problem("An unusable cordon geometry."),
                              "409": ambiguousPlace],
            ],
            "get": [
                "summary": "Incidents, newest first (commanders, planners, admins).", "operationId": "incidents",
                "parameters": [query("status", "open or closed.", ["type": "string", "enum": ["open", "closed"]]),
                               query("limit", "At most this many, 1-1000.", ["type": "integer", "default": 100])],
                "responses": ["200": json("{incidents: [...]}"), "403": problem("Firms follow their alerts through /feed.")],
            ],
        ],
        "/incidents/{incidentId}": ["get": [
            "summary": "One incident with its current cordons.", "operationId": "incident", "parameters": [incident],
            "responses": ["200": json("The incident."), "404": problem("No such incident.")],
        ]],
        "/incidents/{incidentId}/cordons": [
            "get": ["summary": "Every version of the incident's cordons, with who changed them, when and why.", "operationId": "cordonHistory",
                    "parameters": [incident], "responses": ["200": json("{versions: [...]}"), "404": problem("No such incident.")]],
            "post": ["summary": "Change cordons (commanders): members given replace their zone, null removes outer or advisory; a new version is kept.",
                     "operationId": "changeCordons", "parameters": [incident],
                     "requestBody": body("The change, with the reason for it (kept with the version).", required: ["reason"], properties: [
                        "inner": ["type": "object", "description": cordonForms], "outer": ["type": "object", "nullable": true],
                        "advisory": ["type": "object", "nullable": true], "reason": ["type": "string", "maxLength": 500]]),
                     "responses": ["200": json("The incident at its new version."), "400": problem("A bad cordon, or a change that changes nothing."),
                                   "403": problem("Only commanders change cordons."), "404": problem("No such incident."),
                                   "409": problem("The incident is closed.")]],
        ],
        "/incidents/{incidentId}/close": ["post": [
            "summary": "Close an incident (commanders).", "operationId": "closeIncident", "parameters": [incident],
            "responses": ["200": json("The closed incident."), "404": problem("No such incident."), "409": problem("Already closed.")],
        ]],
        "/incidents/{incidentId}/buildings": ["get": [
            "summary": "The buildings in each zone (inner, outer, advisory; each building in its innermost zone), with distances from the incident's location and totals per zone.",
            "operationId": "incidentBuildings",
            "parameters": [incident, query("at", "The time whose figures apply (day or night).", ["type": "string"]),
                           query("format", "json (zones) or geojson (one feature per building, with its zone).", ["type": "string", "enum": ["json", "geojson"]])],
            "responses": ["200": json("Zones with buildings and totals."), "404": problem("No such incident.")],
        ]],
        "/incidents/{incidentId}/alerts": [
            "post": ["summary": "Send an alert (commanders). Recipients are resolved now and frozen with it; each firm's feed, stream and webhook receive it.",
                     "operationId": "sendAlert", "parameters": [incident],
                     "requestBody": body("The alert.", required: ["priority", "message", "target"], properties: alertBody), "responses": sent],
            "get": ["summary": "The incident's alerts with their progress.", "operationId": "incidentAlerts", "parameters": [incident],
                    "responses": ["200": json("{alerts: [...]}"), "404": problem("No such incident.")]],
        ],
        "/incidents/{incidentId}/alerts/preview": [
            "post": ["summary": "What sending this alert would do, now (commanders): exactly the recipients, those no firm can receive it for, the areas, and whether it would be refused and why. Nothing is sent or written.",
                     "operationId": "previewAlert", "parameters": [incident],
                     "requestBody": body("The alert as it would be sent; message and priority may be left out.", required: ["target"], properties: alertBody),
                     "responses": ["200": json("{preview: true, would_send, refusal, warnings, counts: {recipients, reachable, unreachable, firms}, firms, recipients, unreachable, areas, zones: [{zone, data_coverage, warnings}]}."),
                                   "400": problem("A bad priority, message or target."), "403": problem("Only commanders send alerts."),
                                   "404": problem("No such incident."), "409": problem("The incident is closed.")]],
        ],
        "/cordon-presets": ["get": [
            "summary": "Cordon radii by threat (UK guidance for suspect items, configurable).", "operationId": "cordonPresets",
            "responses": ["200": json("{presets: [{name, radius_m, description}]}")],
        ]],
        "/alerts/{alertId}": ["get": [
            "summary": "An alert's progress: every recipient with its latest acknowledgement, unreachable buildings, counts (acknowledged, not yet, needing assistance, people sheltering). A firm sees its own buildings only.",
            "operationId": "alertStatus", "parameters": [alert],
            "responses": ["200": json("The alert and its progress."), "404": problem("No such alert (or none for this firm).")],
        ]],
        "/alerts/{alertId}.cap": ["get": [
            "summary": "The alert as an OASIS CAP 1.2 message (scope Restricted; circles for radius cordons, polygons otherwise).",
            "operationId": "alertCAP", "parameters": [alert],
            "responses": ["200": ["description": "CAP 1.2 XML.", "content": ["application/cap+xml": ["schema": ["type": "string"]]]],
                          "404": problem("No such alert (or none for this firm).")],
        ]],
        "/alerts/{alertId}/ack": ["post": [
            "summary": "Acknowledge an alert for one or more buildings (the firm that received it, or a commander recording a call). Later acks supersede earlier ones; all are kept.",
            "operationId": "acknowledge", "parameters": [alert],
            "requestBody": body("The acknowledgement.", required: ["status"], properties: [
                "building_id": ["type": "string"], "building_ids": ["type": "array", "items": ["type": "string"]],
                "status": ["type": "string", "enum": ["received", "invacuated", "evacuated", "sheltering", "need_assistance"]],
                "people": ["type": "integer", "minimum": 0, "description": "Required with sheltering."],
                "note": ["type": "string", "maxLength": 2000]]),
            "responses": ["201": json("{acks: [...]}"), "400": problem("A bad status, people or building."),
                          "403": problem("Not a building this firm received the alert for."), "404": problem("No such alert.")],
        ]],
        "/alerts/{alertId}/acks": ["get": [
            "summary": "Every acknowledgement of the alert, oldest first (a firm's own only).", "operationId": "acknowledgements",
            "parameters": [alert], "responses": ["200": json("{acks: [...]}"), "404": problem("No such alert.")],
        ]],
        "/alerts/{alertId}/update": ["post": [
            "summary": "Send an update referencing the alert (commanders): to its target resolved now (or a new one) and to all its original recipients.",
            "operationId": "updateAlert", "parameters": [alert],
            "requestBody": body("The update; priority and target default to the original's.", required: ["message"], properties: alertBody),
            "responses": sent,
        ]],
        "/alerts/{alertId}/cancel": ["post": [
            "summary": "Cancel the alert (commanders): a cancellation referencing it goes to exactly its recipients.",
            "operationId": "cancelAlert", "parameters": [alert],
            "requestBody": ["required": false, "content": ["application/json": ["schema": ["type": "object", "properties": ["message": ["type": "string"]]]]]],
            "responses": sent,
        ]],
        "/feed": ["get": [
            "summary": "The firm's alerts (firm keys), oldest first, each with the firm's own buildings only.", "operationId": "feed",
            "parameters": [query("after", "Only events after this event id.", ["type": "integer", "default": 0]),
                           query("limit", "At most this many, 1-500.", ["type": "integer", "default": 500])],
            "responses": ["200": json("{events: [...], last_event_id}"), "403": problem("The feed is read with a firm's key.")],
        ]],
        "/incidents/{incidentId}/events": ["get": [
            "summary": "The incident's events, oldest first (commanders, planners, admins): opening, cordon changes, closing, alerts, updates, cancellations and acknowledgements. event_id is the audit row that recorded each.",
            "operationId": "incidentEvents",
            "parameters": [incident, query("after", "Only events after this event id (0: all).", ["type": "integer", "minimum": 0]),
                           query("limit", "At most this many (1-500).", ["type": "integer", "minimum": 1, "maximum": 500])],
            "responses": ["200": json("{events: [{event_id, kind, at, by, incident_id, alert_id, building_id, detail}], last_event_id}."),
                          "403": problem("Firms follow their alerts through GET /feed."), "404": problem("No such incident.")],
        ]],
        "/incidents/{incidentId}/stream": ["get": [
            "summary": "The incident live, as Server-Sent Events (event: incident.open | incident.cordon | incident.close | alert.alert | alert.update | alert.cancel | alert.ack; id: the event id). Reconnect with Last-Event-ID to receive what was missed.",
            "operationId": "incidentStream",
            "parameters": [incident, ["name": "Last-Event-ID", "in": "header", "required": false, "schema": ["type": "integer"]],
                           query("after", "Same as Last-Event-ID, for clients that cannot set headers.", ["type": "integer"])],
            "responses": ["200": ["description": "An event stream.", "content": ["text/event-stream": ["schema": ["type": "string"]]]],
                          "400": problem("A Last-Event-ID that is not an event id."),
                          "403": problem("Firms follow their alerts through GET /feed/stream."), "404": problem("No such incident.")],
        ]],
        "/feed/stream": ["get": [
            "summary": "The firm's alerts live, as Server-Sent Events (event: alert | update | cancel; id: the event id). Reconnect with Last-Event-ID to receive what was missed.",
            "operationId": "feedStream",
            "parameters": [["name": "Last-Event-ID", "in": "header", "required": false, "schema": ["type": "integer"]],
                           query("after", "Same as Last-Event-ID, for clients that cannot set headers.", ["type": "integer"])],
            "responses": ["200": ["description": "An event stream.", "content": ["text/event-stream": ["schema": ["type": "string"]]]],
                          "400": problem("A Last-Event-ID that is not an event id."), "403": problem("The stream is read with a firm's key.")],
        ]],
        "/feed/webhook": [
            "get": ["summary": "The firm's (or admin organisation's) webhook.", "operationId": "webhook", "responses": ["200": json("The webhook (no secret) and its 20 latest deliveries: attempts, delivered or given up, next attempt, last error."), "404": problem("None set.")]],
            "put": ["summary": "Set the firm's webhook: alerts are POSTed to it with an Idempotency-Key and Cordon-Signature (sha256=HMAC-SHA256 of the body), retried with back-off until delivered. An admin organisation's webhook receives the signed audit checkpoints instead (Cordon-Event-Kind: checkpoint) when the server signs them (--audit-key).",
                    "operationId": "setWebhook", "requestBody": body("The URL.", required: ["url"], properties: ["url": ["type": "string", "format": "uri"]]),
                    "responses": ["200": json("The webhook and its signing secret, shown only now."), "400": problem("Not an http or https URL, or its host resolves to an address that is not public (and not allowed by --webhook-allow).")]],
            "delete": ["summary": "Remove the firm's (or admin organisation's) webhook.", "operationId": "removeWebhook",
                       "responses": ["204": ["description": "Removed."], "404": problem("None set.")]],
        ],
    ] }
}

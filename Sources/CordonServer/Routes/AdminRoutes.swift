import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Organisations, assignments, keys and the audit log: admin keys only.
struct AdminRoutes: Sendable {
    let registry: Registry
    let keyCache: KeyCache

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.post("/organisations") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"id": "acme-security", "name": "Acme Security", "role": "firm"}"#)
            let organisation = try await registry.createOrganisation(
                id: try Self.text(body, "id"), name: try Self.text(body, "name"),
                role: try Role.parse(try Self.text(body, "role")), actor: try context.requireActor())
            return Response.text(organisationJSON(organisation), contentType: MediaTypes.json, status: .created)
        }
        table.add(.post, "/organisations")
        router.get("/organisations") { request, context in
            try QueryParameters.none(request)
            let all = try await registry.organisations(actor: try context.requireActor())
            return Response.text("{\"organisations\":[" + all.map(organisationJSON).joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/organisations")
        router.post("/organisations/{organisationId}/buildings") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"id": "acme-security", "name": "Acme Security", "role": "firm"}"#)
            guard let ids = body["building_ids"]?.array?.compactMap(\.string), !ids.isEmpty else {
                throw InputError(field: "building_ids", value: body["building_ids"]?.typeName ?? "nothing",
                                 problem: "is not a list of building ids", fix: "Send {\"building_ids\": [\"way/4959489\"]}.")
            }
            let organisation = try context.pathText("organisationId")
            let count = try await registry.assign(buildingIDs: ids, to: organisation, actor: try context.requireActor())
            return Response.text("{\"organisation_id\":" + JSONText.quoted(organisation) + ",\"assigned\":\(count)}", contentType: MediaTypes.json)
        }
        table.add(.post, "/organisations/{organisationId}/buildings")
        router.post("/organisations/{organisationId}/keys") { request, context in
            try QueryParameters.none(request)
            let body = request.headers[.contentType] == nil ? JSONValue.object([:]) : try await RequestBody.json(request, example: #"{"id": "acme-security", "name": "Acme Security", "role": "firm"}"#)
            let expires = try body["expires_at"]?.string.map { text throws(InputError) in try LookupTime.parse(text, field: "expires_at") }
            let key = try await registry.createKey(for: try context.pathText("organisationId"), expiresAt: expires,
                                                   actor: try context.requireActor())
            let json = JSONText.object([
                ("id", JSONText.quoted(key.id)), ("organisation_id", JSONText.quoted(key.organisationID)),
                ("key", JSONText.quoted(key.secret)), ("expires_at", JSONText.string(key.expiresAt)),
                ("note", "\"The key is shown only now: store it safely.\""),
            ])
            return Response.text(json, contentType: MediaTypes.json, status: .created)
        }
        table.add(.post, "/organisations/{organisationId}/keys")
        router.delete("/keys/{keyId}") { request, context in
            try QueryParameters.none(request)
            try await registry.revokeKey(id: try context.pathText("keyId"), actor: try context.requireActor())
            keyCache.forgetAll()
            return Response(status: .noContent)
        }
        table.add(.delete, "/keys/{keyId}")
        router.get("/audit") { request, context in
            try context.requireActor().mayAdminister()
            let parameters = try QueryParameters(request, allowed: ["building", "organisation", "from", "to", "limit"])
            let from = try parameters["from"].map { text throws(InputError) in LookupTime.text(try LookupTime.parse(text, field: "from")) }
            let to = try parameters["to"].map { text throws(InputError) in LookupTime.text(try LookupTime.parse(text, field: "to")) }
            let entries = try await registry.auditEntries(
                buildingID: parameters["building"], organisationID: parameters["organisation"], from: from, to: to,
                limit: try parameters.integer("limit", default: 100, range: 1...10_000))
            return Response.text("{\"entries\":[" + entries.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/audit")
    }

    private func organisationJSON(_ organisation: Organisation) -> String {
        JSONText.object([
            ("id", JSONText.quoted(organisation.id)), ("name", JSONText.quoted(organisation.name)),
            ("role", JSONText.quoted(organisation.role.rawValue)), ("created_at", JSONText.quoted(organisation.createdAt)),
            ("buildings", "\(organisation.buildings)"), ("active_keys", "\(organisation.activeKeys)"),
        ])
    }

    static func text(_ body: JSONValue, _ field: String) throws(InputError) -> String {
        guard let value = body[field]?.string else {
            throw InputError(field: field, value: body[field]?.typeName ?? "nothing", problem: "is missing or not text",
                             fix: "Send \"\(field)\" as a string.")
        }
        return value
    }
}

extension AuditEntry {
    func json() -> String {
        JSONText.object([
            ("seq", "\(seq)"), ("at", JSONText.quoted(at)), ("actor", JSONText.quoted(actor)),
            ("key_id", JSONText.string(keyID)), ("channel", JSONText.quoted(channel)), ("action", JSONText.quoted(action)),
            ("target_type", JSONText.quoted(targetType)), ("target_id", JSONText.quoted(targetID)),
            ("building_id", JSONText.string(buildingID)), ("organisation_id", JSONText.string(organisationID)),
            ("before", before ?? "null"), ("after", after ?? "null"), ("hash", JSONText.quoted(hash)),
        ])
    }
}

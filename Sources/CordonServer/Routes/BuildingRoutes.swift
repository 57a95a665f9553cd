import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// A building's figures, their history and its site details. Building ids contain a slash:
/// `/buildings/way%2F4959489/figures` and `/buildings/way/4959489/figures` both work, so
/// the routes take the rest of the path and split off the action at its end.
struct BuildingRoutes: Sendable {
    static let maximumBody = 64 * 1024
    let registry: Registry

    enum Action: String {
        case figures, confirm, history, site
    }

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        for method in [HTTPRequest.Method.get, .put, .patch, .post] {
            router.on("/buildings/**", method: method) { request, context in
                try await dispatch(request, context: context)
            }
        }
        table.add(.get, "/buildings/{buildingId}/figures")
        table.add(.put, "/buildings/{buildingId}/figures")
        table.add(.patch, "/buildings/{buildingId}/figures")
        table.add(.post, "/buildings/{buildingId}/figures/confirm")
        table.add(.get, "/buildings/{buildingId}/history")
        table.add(.get, "/buildings/{buildingId}/site")
        table.add(.put, "/buildings/{buildingId}/site")
    }

    /// Splits `/buildings/<id>/<action>` where <id> is one segment (percent-encoded slash)
    /// or two (`way/4959489`).
    static func parse(_ path: String) -> (id: String, action: Action)? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.first == "buildings" else { return nil }
        parts.removeFirst()
        let action: Action
        if parts.suffix(2) == ["figures", "confirm"] {
            action = .confirm
            parts.removeLast(2)
        } else if let last = parts.last, let simple = Action(rawValue: last), simple != .confirm {
            action = simple
            parts.removeLast()
        } else {
            return nil
        }
        guard (1...2).contains(parts.count) else { return nil }
        let id = parts.joined(separator: "/")
        return (id.removingPercentEncoding ?? id, action)
    }

    func dispatch(_ request: Request, context: CordonRequestContext) async throws -> Response {
        guard let (id, action) = Self.parse(request.uri.path) else { throw HTTPError(.notFound) }
        try TextInput.checked(id, field: "building_id")
        let actor = try context.requireActor()
        try QueryParameters.none(request)
        switch (action, request.method) {
        case (.figures, .get):
            let figures = try await registry.figures(of: id, actor: actor)
            return figuresResponse(id, figures)
        case (.figures, .put), (.figures, .patch):
            let expected = try ETag.expectedVersion(request)
            let change = try FiguresChange.parse(try await RequestBody.json(request, limit: Self.maximumBody, example: #"{"guards_day": 4}"#), complete: request.method == .put)
            return figuresResponse(id, try await registry.writeFigures(of: id, change: change, expectedVersion: expected, actor: actor))
        case (.confirm, .post):
            let expected = try ETag.expectedVersion(request)
            return figuresResponse(id, try await registry.confirmFigures(of: id, expectedVersion: expected, actor: actor))
        case (.history, .get):
            let changes = try await registry.history(of: id, actor: actor)
            let body = "{\"building_id\":" + JSONText.quoted(id) + ",\"changes\":[" + changes.map { $0.json() }.joined(separator: ",") + "]}"
            return .text(body, contentType: MediaTypes.json)
        case (.site, .get):
            return .text(try await registry.site(of: id, actor: actor).json(), contentType: MediaTypes.json)
        case (.site, .put):
            let site = try await registry.updateSite(of: id, change: try await RequestBody.json(request, limit: Self.maximumBody, example: #"{"guards_day": 4}"#), actor: actor)
            return .text(site.json(), contentType: MediaTypes.json)
        default:
            let allowed: [HTTPRequest.Method] = switch action {
            case .figures: [.get, .put, .patch]
            case .confirm: [.post]
            case .history: [.get]
            case .site: [.get, .put]
            }
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            throw Problem(status: .methodNotAllowed,
                          detail: "\(request.method.rawValue) is not allowed on \(request.uri.path). Use \(allowed.map(\.rawValue).joined(separator: " or ")).",
                          headers: headers)
        }
    }

    private func figuresResponse(_ id: String, _ figures: SiteFigures?) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = ETag.text(figures?.version ?? 0)
        let body = "{\"building_id\":" + JSONText.quoted(id) + ",\"figures\":" + (figures?.json() ?? "null") + "}"
        return .text(body, contentType: MediaTypes.json, headers: headers)
    }

}

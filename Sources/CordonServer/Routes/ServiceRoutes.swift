import CordonCore
import Hummingbird

/// Health and the API's own description.
struct ServiceRoutes: Sendable {
    let registry: Registry

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/healthz") { request, _ in
            try QueryParameters.none(request)
            let buildings = try await registry.buildingCount()
            // Whether radius lookups are being answered from memory, for operators.
            let index = registry.radiusIndex.map { "{\"copies_read\":\($0.loads),\"lookups_answered\":\($0.lookupsAnswered)}" } ?? "null"
            return Response.text("{\"status\":\"ok\",\"buildings\":\(buildings),\"radius_index\":\(index)}", contentType: MediaTypes.json)
        }
        table.add(.get, "/healthz")
        router.get("/openapi.json") { request, _ in
            try QueryParameters.none(request)
            return Response.text(OpenAPIDocument.text, contentType: MediaTypes.openAPI)
        }
        table.add(.get, "/openapi.json")
    }
}

import CordonCore
import Hummingbird

/// Health and the API's own description.
struct ServiceRoutes: Sendable {
    let registry: Registry

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/healthz") { _, _ in
            let buildings = try await registry.buildingCount()
            return Response.text("{\"status\":\"ok\",\"buildings\":\(buildings)}", contentType: MediaTypes.json)
        }
        table.add(.get, "/healthz")
        router.get("/openapi.json") { _, _ in Response.text(OpenAPIDocument.text, contentType: MediaTypes.openAPI) }
        table.add(.get, "/openapi.json")
    }
}

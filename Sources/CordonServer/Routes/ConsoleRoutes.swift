import CordonCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The commander's console: its page and modules at /console, Leaflet under
/// /console/vendor/leaflet/, and the settings the page starts from. None of these need a key;
/// everything the page shows comes from the API, which does.
struct ConsoleRoutes: Sendable {
    let assets: ConsoleAssets
    let settings: StaticFile
    let pageHeaders: HTTPFields

    init(assets: ConsoleAssets, configuration: ServerConfiguration) {
        self.assets = assets
        let json = JSONText.object([
            ("tile_url", JSONText.string(configuration.tileURL)),
            ("tile_attribution", JSONText.string(configuration.tileAttribution)),
            ("map_library", assets.hasLeaflet ? "true" : "false"),
            ("session_hours", JSONText.number(Double(configuration.sessionLifetime.components.seconds) / 3_600)),
            // The firm's desk checks figures as the API does, from the API's own bounds.
            ("figure_maximums", JSONText.object(Figure.allCases.map { ($0.rawValue, "\(FiguresChange.maximum[$0] ?? 0)") })),
            ("figures", "[" + Figure.allCases.map { JSONText.quoted($0.rawValue) }.joined(separator: ",") + "]"),
        ])
        settings = StaticFile(Array(json.utf8), name: "settings.json", cacheControl: "no-cache")
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy(tileURL: configuration.tileURL)
        if let referrer = HTTPField.Name("Referrer-Policy") { headers[referrer] = "no-referrer" }
        pageHeaders = headers
    }

    /// The console's files are public; /map and the rest of the API are not.
    static func isPublic(_ path: String) -> Bool {
        path == "/console" || path.hasPrefix("/console/")
    }

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/console") { request, _ in try page(request) }
        table.add(.get, "/console")
        router.get("/console/**") { request, context in
            try QueryParameters.none(request)
            let path = context.parameters.getCatchAll().joined(separator: "/")
            if path.isEmpty || path == "index.html" { return try page(request) }
            if path == "settings.json" { return settings.response(to: request) }
            if path.hasPrefix("vendor/leaflet/"), let file = assets.leaflet[String(path.dropFirst("vendor/leaflet/".count))] {
                return file.response(to: request)
            }
            guard let file = assets.files[path] else {
                throw Problem(status: .notFound,
                              detail: "The console has no file /console/\(path). Open /console to start it.")
            }
            return file.response(to: request)
        }
        table.add(.get, "/console/{asset}")
    }

    private func page(_ request: Request) throws -> Response {
        try QueryParameters.none(request)
        guard let file = assets.files["index.html"] else {
            throw Problem(status: .notFound, detail: "This server was built without the console's page (console/index.html).")
        }
        return file.response(to: request, headers: pageHeaders)
    }

    /// Only the server's own scripts and styles run; map tiles may come from the configured
    /// tile server alone. Leaflet positions map panes with inline styles.
    static func contentSecurityPolicy(tileURL: String?) -> String {
        var images = "'self' data:"
        if let tileURL, let source = tileSource(tileURL) { images += " " + source }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src \(images); "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    }

    /// The origin of a tile template such as https://{s}.tile.example.org/{z}/{x}/{y}.png,
    /// with a template label in the host widened to a wildcard.
    static func tileSource(_ template: String) -> String? {
        guard let schemeEnd = template.range(of: "://") else { return nil }
        let scheme = template[..<schemeEnd.lowerBound]
        let rest = template[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty else { return nil }
        let widened = host.split(separator: ".").map { $0.contains("{") ? "*" : String($0) }.joined(separator: ".")
        return "\(scheme)://\(widened)"
    }
}

/// A browser opening the server's address asks for HTML and is sent to the console; API
/// clients asking / for JSON get the landing page as before.
struct ConsoleRedirectMiddleware: RouterMiddleware {
    typealias Context = CordonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/", request.method == .get || request.method == .head,
              let accept = request.headers[.accept], accept.lowercased().contains("text/html")
        else { return try await next(request, context) }
        var headers = HTTPFields()
        headers[.location] = "/console"
        headers[.vary] = "Accept"
        return Response(status: .seeOther, headers: headers)
    }
}

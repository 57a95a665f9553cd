import Foundation
import Logging

/// The console's own pages, styles and scripts (embedded from console/ at build time) and
/// Leaflet, read once at start from where Debian's libjs-leaflet installs it.
struct ConsoleAssets: Sendable {
    /// Keyed by the path below /console/ ("index.html", "js/map.js").
    let files: [String: StaticFile]
    /// Keyed by the path below /console/vendor/leaflet/ ("leaflet.js", "images/layers.png");
    /// empty when Leaflet is not installed.
    let leaflet: [String: StaticFile]

    var hasLeaflet: Bool { leaflet["leaflet.js"] != nil }

    init(leafletDirectory: String, logger: Logger) {
        // Revalidated on every load: a new server version must reach open consoles at once.
        files = Dictionary(uniqueKeysWithValues: EmbeddedConsole.files.map { name, text in
            (name, StaticFile(Array(text.utf8), name: name, cacheControl: "no-cache"))
        })
        leaflet = Self.readLeaflet(leafletDirectory)
        if leaflet["leaflet.js"] == nil || leaflet["leaflet.css"] == nil {
            logger.warning("the console's map needs Leaflet, not found in \(leafletDirectory): install Debian's libjs-leaflet (apt-get install libjs-leaflet); the API is served as usual")
        }
    }

    /// leaflet.js, leaflet.css and the images its styles refer to. They change only with the
    /// package, so browsers may keep them for a day.
    private static func readLeaflet(_ directory: String) -> [String: StaticFile] {
        var found: [String: StaticFile] = [:]
        let base = URL(fileURLWithPath: directory)
        var names = ["leaflet.js", "leaflet.css"]
        if let images = try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("images").path) {
            names += images.filter { $0.hasSuffix(".png") || $0.hasSuffix(".svg") }.map { "images/" + $0 }
        }
        for name in names {
            guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) else { continue }
            found[name] = StaticFile(data, name: name, cacheControl: "public, max-age=86400")
        }
        return found
    }
}

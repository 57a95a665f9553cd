import CProj
import Synchronization

/// WGS84 lon/lat <-> British National Grid through PROJ, in Swift rather than SQL: SpatiaLite
/// caches one transformation per connection and rebuilds it (20-70 ms) whenever the direction
/// changes. Without the OSTN15 grid (not packaged by Debian) PROJ uses the Helmert
/// transformation, accurate to about 2 m.
public final class CoordinateTransformer: Sendable {
    /// A PROJ context and transformation are not thread-safe; the mutex serialises their use.
    /// Each call costs about a microsecond, so contention is negligible.
    private let state: Mutex<ProjState>

    public static let shared: CoordinateTransformer = {
        do {
            return try CoordinateTransformer()
        } catch {
            fatalError("\(error)")  // safe because nothing can be located without PROJ: stopping with its message is the only honest answer
        }
    }()

    public init() throws(StorageError) {
        state = Mutex(try ProjState())
    }

    public func toGrid(_ position: GeoPosition) -> GridPoint? {
        state.withLock { proj in
            let out = proj_trans(proj.transformation, PJ_FWD, proj_coord(position.longitude, position.latitude, 0, 0))
            guard out.xy.x.isFinite, out.xy.y.isFinite else { return nil }
            return GridPoint(easting: out.xy.x, northing: out.xy.y)
        }
    }

    public func toGeo(_ point: GridPoint) -> GeoPosition? {
        state.withLock { proj in
            let out = proj_trans(proj.transformation, PJ_INV, proj_coord(point.easting, point.northing, 0, 0))
            guard out.lp.lam.isFinite, out.lp.phi.isFinite else { return nil }
            return GeoPosition(longitude: out.lp.lam, latitude: out.lp.phi)
        }
    }
}

private struct ProjState: ~Copyable {
    let context: OpaquePointer
    let transformation: OpaquePointer

    init() throws(StorageError) {
        guard let context = proj_context_create() else {
            throw StorageError("PROJ: cannot create a context")
        }
        guard let raw = proj_create_crs_to_crs(context, "EPSG:4326", "EPSG:27700", nil) else {
            proj_context_destroy(context)
            throw StorageError(
                "PROJ: no transformation EPSG:4326 -> EPSG:27700 (is proj-data installed?)")
        }
        // EPSG:4326 is latitude-first by definition; normalise to GeoJSON's lon/lat order.
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_destroy(raw)
            proj_context_destroy(context)
            throw StorageError("PROJ: cannot normalise axis order")
        }
        proj_destroy(raw)
        self.context = context
        self.transformation = normalized
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }
}

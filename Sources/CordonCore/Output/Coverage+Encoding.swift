import Foundation

extension Coverage {
    func summaryJSON() -> String {
        JSONText.object([
            ("radius_m", JSONText.number(radius)), ("spacing_m", JSONText.number(spacing)),
            ("walking_distance_m", JSONText.number(walkingDistance)), ("period", JSONText.quoted(period.rawValue)),
            ("at", JSONText.quoted(LookupTime.text(at))), ("points", "\(points.count)"),
            ("points_short", "\(points.filter { $0.shortfall > 0 }.count)"),
            ("maximum_shortfall", "\(points.map(\.shortfall).max() ?? 0)"),
            ("demonstration_figures", "true"),
        ])
    }

    public func json() -> String {
        JSONText.object([
            ("summary", summaryJSON()),
            ("wards", "[" + wards.map {
                JSONText.object([("ward", JSONText.quoted($0.ward)), ("points", "\($0.points)"), ("points_short", "\($0.pointsShort)"),
                                 ("maximum_shortfall", "\($0.maximumShortfall)"), ("mean_shortfall", JSONText.number($0.meanShortfall, decimals: 1))])
            }.joined(separator: ",") + "]"),
        ])
    }

    /// One square cell per grid point, in lon/lat, with displaced, capacity and shortfall.
    public func geoJSON() -> String {
        let transformer = CoordinateTransformer.shared
        let half = spacing / 2
        let features = points.map { point -> String in
            let corners = [(-half, -half), (half, -half), (half, half), (-half, half), (-half, -half)].map { dx, dy -> String in
                let geo = transformer.toGeo(GridPoint(easting: point.grid.easting + dx, northing: point.grid.northing + dy))
                return "[\(GeoJSONText.round7(geo?.longitude ?? 0)),\(GeoJSONText.round7(geo?.latitude ?? 0))]"
            }
            return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + corners.joined(separator: ",") + "]]},"
                + "\"properties\":" + JSONText.object([
                    ("lon", JSONText.number(point.position.longitude, decimals: 6)), ("lat", JSONText.number(point.position.latitude, decimals: 6)),
                    ("ward", JSONText.string(point.ward)), ("displaced", "\(point.displaced)"),
                    ("capacity", "\(point.capacity)"), ("shortfall", "\(point.shortfall)"),
                ]) + "}"
        }
        return "{\"type\":\"FeatureCollection\",\"summary\":" + summaryJSON() + ",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    public func csv() -> String {
        var lines = ["easting,northing,lon,lat,ward,displaced,capacity,shortfall"]
        for point in points {
            lines.append([JSONText.number(point.grid.easting, decimals: 1), JSONText.number(point.grid.northing, decimals: 1),
                          JSONText.number(point.position.longitude, decimals: 6), JSONText.number(point.position.latitude, decimals: 6),
                          point.ward ?? "", "\(point.displaced)", "\(point.capacity)", "\(point.shortfall)"]
                .map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

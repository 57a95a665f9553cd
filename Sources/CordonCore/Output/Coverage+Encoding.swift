import Foundation

extension Coverage {
    func summaryJSON() -> String {
        JSONText.object([
            ("radius_m", JSONText.number(radius)), ("spacing_m", JSONText.number(spacing)),
            ("walking_distance_m", JSONText.number(walkingDistance)), ("period", JSONText.quoted(period.rawValue)),
            ("at", JSONText.quoted(LookupTime.text(at))), ("points", "\(points.count)"),
            ("points_short", "\(points.filter { $0.shortfall > 0 }.count)"),
            ("points_lower_bound", "\(points.filter { $0.coverage.lowerBound }.count)"),
            ("maximum_shortfall", "\(points.map(\.shortfall).max() ?? 0)"),
            ("demonstration_figures", "true"),
        ])
    }

    func wardsJSON() -> String {
        "[" + wards.map {
            JSONText.object([("ward", JSONText.quoted($0.ward)), ("points", "\($0.points)"), ("points_short", "\($0.pointsShort)"),
                             ("points_lower_bound", "\($0.pointsLowerBound)"),
                             ("maximum_shortfall", "\($0.maximumShortfall)"), ("mean_shortfall", JSONText.number($0.meanShortfall, decimals: 1))])
        }.joined(separator: ",") + "]"
    }

    public func json() -> String {
        JSONText.object([("summary", summaryJSON()), ("wards", wardsJSON())])
    }

    /// One square cell per grid point, in lon/lat, with displaced, capacity and shortfall;
    /// the summary and the per-ward table at the top, so that one answer draws a map and the
    /// table beside it.
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
                    ("lower_bound", JSONText.bool(point.coverage.lowerBound)),
                    ("warnings", WarningsText.json(point.coverage.warnings)), ("data_coverage", point.coverage.json()),
                ]) + "}"
        }
        return "{\"type\":\"FeatureCollection\",\"summary\":" + summaryJSON() + ",\"wards\":" + wardsJSON() + ",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    /// The coverage as spreadsheets read it: one table a file, one value a cell.
    public enum CSVTable: String, Sendable, CaseIterable {
        /// One row per grid point, with its position on the grid and in lat/lon.
        case points
        /// One row per ward, as the JSON answer's `wards`.
        case wards
        /// One row: the JSON answer's `summary`.
        case summary
    }

    public func csv(_ table: CSVTable = .points) -> String {
        switch table {
        case .points:
            return CSVField.document(
                header: ["easting", "northing", "lon", "lat", "ward", "displaced", "capacity", "shortfall", "lower_bound",
                         "with_data_share", "no_data_share", "outside_city_share"],
                rows: points.map { point in
                    [
                        .number(JSONText.number(point.grid.easting, decimals: 1)), .number(JSONText.number(point.grid.northing, decimals: 1)),
                        .number(JSONText.number(point.position.longitude, decimals: 6)), .number(JSONText.number(point.position.latitude, decimals: 6)),
                        .text(point.ward ?? ""), .number("\(point.displaced)"), .number("\(point.capacity)"), .number("\(point.shortfall)"),
                        .text(point.coverage.lowerBound ? "true" : "false"),
                    ] + [point.coverage.withData, point.coverage.noData, point.coverage.outsideCity].map {
                        .number(point.coverage.share($0).map { JSONText.number($0, decimals: 3) } ?? "")
                    }
                })
        case .wards:
            return CSVField.document(
                header: ["ward", "points", "points_short", "points_lower_bound", "maximum_shortfall", "mean_shortfall"],
                rows: wards.map {
                    [.text($0.ward), .number("\($0.points)"), .number("\($0.pointsShort)"), .number("\($0.pointsLowerBound)"),
                     .number("\($0.maximumShortfall)"), .number(JSONText.number($0.meanShortfall, decimals: 1))]
                })
        case .summary:
            return CSVField.document(
                header: ["radius_m", "spacing_m", "walking_distance_m", "period", "at", "points", "points_short", "points_lower_bound",
                         "maximum_shortfall", "demonstration_figures"],
                rows: [[
                    .number(JSONText.number(radius)), .number(JSONText.number(spacing)), .number(JSONText.number(walkingDistance)),
                    .text(period.rawValue), .text(LookupTime.text(at)), .number("\(points.count)"),
                    .number("\(points.filter { $0.shortfall > 0 }.count)"), .number("\(points.filter { $0.coverage.lowerBound }.count)"),
                    .number("\(points.map(\.shortfall).max() ?? 0)"), .text("true"),
                ]])
        }
    }
}

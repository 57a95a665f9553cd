extension SiteFigures {
    public func json() -> String {
        var members: [(String, String?)] = [
            ("version", "\(version)"), ("demonstration", JSONText.bool(demonstration)),
        ]
        for figure in Figure.allCases {
            guard let reported = self[figure] else { continue }
            members.append((figure.rawValue, JSONText.object([
                ("value", "\(reported.value)"),
                ("confirmed_at", JSONText.quoted(reported.confirmedAt)),
                ("confirmed_by", JSONText.quoted(reported.confirmedBy)),
            ])))
        }
        return JSONText.object(members)
    }
}

extension BuildingRecord {
    /// With `site`, the managing firm and the site contact too (for readers allowed them).
    public func json(site: SiteDetails? = nil) -> String {
        JSONText.object([
            ("id", JSONText.quoted(id)), ("label", JSONText.quoted(label)), ("name", JSONText.string(name)),
            ("address", JSONText.string(address)), ("postcode", JSONText.string(postcode)),
            ("ward", JSONText.string(ward)), ("building_type", JSONText.string(buildingType)),
            ("levels", levels.map { JSONText.number($0) } ?? "null"),
            ("height_m", height.map { JSONText.number($0) } ?? "null"),
            ("footprint_area_m2", JSONText.number(footprintArea)),
            ("source_dataset", JSONText.quoted(sourceDataset)), ("source_date", JSONText.string(sourceDate)),
            ("imported_at", JSONText.quoted(importedAt)),
            ("figures", figures?.json() ?? "null"),
            ("footprint", footprintGeoJSON),
            ("site", site?.json()),
        ])
    }
}

extension RegistryStats {
    public func json() -> String {
        JSONText.object([
            ("buildings", "\(buildings)"), ("buildings_with_figures", "\(buildingsWithFigures)"),
            ("demonstration_figures", "\(demonstrationFigures)"),
            ("buildings_without_ward", "\(buildingsWithoutWard)"), ("history_rows", "\(historyRows)"),
            ("sources", "[" + sources.map {
                JSONText.object([
                    ("dataset", JSONText.quoted($0.dataset)), ("date", JSONText.string($0.date)),
                    ("buildings", "\($0.buildings)"), ("footprint_area_m2", JSONText.number($0.footprintArea)),
                ])
            }.joined(separator: ",") + "]"),
            ("totals", JSONText.object(Figure.allCases.map { ($0.rawValue, "\(totals[$0] ?? 0)") }
                + [("reception_sites", "\(receptionSites)")])),
            ("coverage", JSONText.object([("covered_share", JSONText.number(coveredShare, decimals: 4))]
                + coverage.map { ($0.name, JSONText.number($0.cityAreaShare, decimals: 4)) })),
            ("oldest_figures", "[" + oldestFigures.map {
                JSONText.object([
                    ("building_id", JSONText.quoted($0.buildingID)), ("confirmed_at", JSONText.quoted($0.confirmedAt)),
                    ("demonstration", JSONText.bool($0.demonstration)),
                ])
            }.joined(separator: ",") + "]"),
        ])
    }
}

extension BuildingRecord {
    /// A GeoJSON Feature with flat properties (GIS tools read nested objects poorly): the
    /// building's attributes, every figure by day and night, and when they were confirmed.
    public func geoJSONFeature(links: String? = nil) -> String {
        var properties: [(String, String?)] = [
            ("label", JSONText.quoted(label)), ("name", JSONText.string(name)), ("address", JSONText.string(address)),
            ("postcode", JSONText.string(postcode)), ("ward", JSONText.string(ward)),
            ("building_type", JSONText.string(buildingType)),
            ("levels", levels.map { JSONText.number($0) } ?? "null"),
            ("height_m", height.map { JSONText.number($0) } ?? "null"),
            ("footprint_area_m2", JSONText.number(footprintArea)),
            ("source_dataset", JSONText.quoted(sourceDataset)), ("source_date", JSONText.string(sourceDate)),
            ("figures_reported", JSONText.bool(figures != nil)),
        ]
        for figure in Figure.allCases {
            properties.append((figure.rawValue, figures?[figure].map { "\($0.value)" } ?? "null"))
        }
        properties.append(("figures_oldest_confirmed_at", JSONText.string(figures?.oldestConfirmation)))
        properties.append(("demonstration_figures", JSONText.bool(figures?.demonstration ?? false)))
        var members: [(String, String?)] = [
            ("type", "\"Feature\""), ("id", JSONText.quoted(id)), ("geometry", footprintGeoJSON),
            ("properties", JSONText.object(properties)),
        ]
        if let links { members.append(("links", links)) }
        return JSONText.object(members)
    }
}

/// The `data_coverage` and `warnings` members every area answer carries.
extension DataCoverage {
    /// {"known", "area_m2", "with_data": {"share", "area_m2"}, "no_data", "outside_city", "sources"}:
    /// areas in whole square metres, shares of the whole to three decimals; the parts are
    /// null when the registry has no coverage zones.
    public func json() -> String {
        func part(_ value: Double?) -> String {
            guard let value else { return "null" }
            return JSONText.object([("share", JSONText.number(share(value) ?? 0, decimals: 3)),
                                    ("area_m2", JSONText.number(value, decimals: 0))])
        }
        let sources = sources.map { JSONText.object([("name", JSONText.quoted($0.name)), ("date", JSONText.string($0.date))]) }
        return JSONText.object([
            ("known", JSONText.bool(known)), ("area_m2", JSONText.number(area, decimals: 0)),
            ("with_data", part(withData)), ("no_data", part(noData)), ("outside_city", part(outsideCity)),
            ("sources", "[" + sources.joined(separator: ",") + "]"),
        ])
    }
}

enum WarningsText {
    static func json(_ warnings: [String]) -> String {
        "[" + warnings.map(JSONText.quoted).joined(separator: ",") + "]"
    }
}

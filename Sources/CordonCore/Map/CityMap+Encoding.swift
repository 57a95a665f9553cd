/// The map as one compact GeoJSON FeatureCollection: areas first (drawn underneath), then
/// every building with the figures for the period, how many of them are stale and when the
/// oldest was confirmed. Positions are rounded to 5 decimals (about 1 m), well inside the
/// 2 m of the lon/lat to grid transformation, which keeps the answer small enough to send
/// whole to every console.
extension CityMap {
    public static let decimals = 5

    public func geoJSON() -> String {
        var out = "{\"type\":\"FeatureCollection\",\"period\":\"\(period.rawValue)\",\"at\":"
        out += JSONText.quoted(LookupTime.text(at))
        out += ",\"demonstration_figures\":"
        out += buildings.contains(where: { $0.figures?.demonstration == true }) ? "true" : "false"
        out += ",\"features\":["
        var first = true
        for area in areas {
            if !first { out += "," }
            first = false
            out += "{\"type\":\"Feature\",\"properties\":{\"layer\":"
            out += area.isNoData ? "\"no_data\"" : JSONText.quoted(area.kind)
            out += ",\"name\":"
            out += JSONText.quoted(area.name)
            out += "},\"geometry\":"
            GeoJSONRounding.append(area.geoJSON, decimals: Self.decimals, to: &out)
            out += "}"
        }
        let shown = SiteFigures.shown(for: period)
        for building in buildings {
            if !first { out += "," }
            first = false
            out += "{\"type\":\"Feature\",\"id\":"
            out += JSONText.quoted(building.id)
            out += ",\"properties\":{\"layer\":\"building\",\"label\":"
            JSONText.appendOptional(building.name ?? building.address, to: &out)
            let figures = building.figures
            var stale = 0
            for (name, figure) in shown {
                out += ",\"" + name + "\":"
                if let reported = figures?[figure] {
                    out += String(reported.value)
                    if cutoffs.isStale(figure, confirmedAt: reported.confirmedAt) { stale += 1 }
                } else {
                    out += "null"
                }
            }
            out += ",\"stale\":"
            out += figures == nil ? "null" : String(stale)
            out += ",\"confirmed_at\":"
            JSONText.appendOptional(figures?.oldestConfirmation, to: &out)
            out += "},\"geometry\":"
            GeoJSONRounding.append(building.footprintGeoJSON, decimals: Self.decimals, to: &out)
            out += "}"
        }
        return out + "]}"
    }
}

/// Rounds every number with more than `decimals` fractional digits in a GeoJSON geometry's
/// text, copying everything else as it is. The geometry was written by the importer, so its
/// numbers are plain decimals (no exponents).
enum GeoJSONRounding {
    static func append(_ text: String, decimals: Int, to out: inout String) {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        var number = ""
        func flush() {
            guard !number.isEmpty else { return }
            defer { number = "" }
            guard let dot = number.firstIndex(of: "."), number.distance(from: dot, to: number.endIndex) - 1 > decimals,
                  let value = Double(number) else {
                out += number
                return
            }
            out += fixed((value * scale).rounded() / scale, decimals: decimals)
        }
        for character in text {
            if character.isNumber || character == "-" || character == "." {
                number.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
    }

    /// `value` with at most `decimals` fractional digits and no trailing zeros.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(1, { value, _ in value * 10 })
        let scaled = Int((value * Double(scale)).rounded())
        let negative = scaled < 0
        let magnitude = negative ? -scaled : scaled
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(magnitude / scale)
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

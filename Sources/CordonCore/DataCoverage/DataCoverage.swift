/// How much of an answer's area the registry has building data for: a lookup that finds no
/// buildings in the no-data gap, or outside the City, has found nothing about them, and its
/// zeros must not be read as "nobody there".
public struct DataCoverage: Sendable, Equatable {
    /// A source dataset whose zone the area touches, with the date of its buildings.
    public struct Source: Sendable, Equatable {
        public let name: String
        public let date: String?
    }

    /// False when the registry holds no coverage zones: it cannot tell where data is missing.
    public let known: Bool
    /// The whole area in square metres.
    public let area: Double
    /// Parts of the area, in square metres (nil when not known): inside the City in a zone
    /// with building data, inside the City in no such zone, and outside the City.
    public let withData: Double?
    public let noData: Double?
    public let outsideCity: Double?
    public let sources: [Source]

    /// A part smaller than this (m²) is rounding, not a place: the parts are measured on
    /// polygons whose vertices are good to about 2 m.
    static let negligibleArea = 1.0

    init(area: Double, withData: Double, insideCity: Double, sources: [Source]) {
        // Clamped so that the parts add up to the whole despite floating-point noise.
        let inside = min(max(insideCity, 0), area)
        let with = min(max(withData, 0), inside)
        self.known = true
        self.area = area
        self.withData = with
        self.noData = inside - with
        self.outsideCity = area - inside
        self.sources = sources
    }

    private init(unknownArea area: Double) {
        known = false
        self.area = area
        withData = nil
        noData = nil
        outsideCity = nil
        sources = []
    }

    /// A registry with no coverage zones.
    static func unknown(area: Double) -> DataCoverage { DataCoverage(unknownArea: area) }

    /// True when some of the area has no building data (or nobody can tell): the answer's
    /// totals count only what is known and may be short of the truth.
    public var lowerBound: Bool {
        guard known, let noData, let outsideCity else { return true }
        return noData >= Self.negligibleArea || outsideCity >= Self.negligibleArea
    }

    public func share(_ part: Double?) -> Double? {
        guard let part else { return nil }
        return area > 0 ? part / area : 0
    }

    /// Plain sentences, the most important first; empty when the whole area has data.
    public var warnings: [String] {
        guard known, let withData, let noData, let outsideCity else {
            return ["This registry holds no data-coverage zones, so it cannot tell whether this area has building data: "
                    + "treat zeros as unknown and the totals as a lower bound."]
        }
        let gap = noData >= Self.negligibleArea, outside = outsideCity >= Self.negligibleArea
        guard gap || outside else { return [] }
        var warnings: [String] = []
        let none = withData < Self.negligibleArea
        if none { warnings.append("No building data here: these zeros mean unknown, not empty.") }
        if none, !gap {
            warnings.append("The whole area lies outside the City of London; the registry holds buildings only inside the City.")
        } else if none, !outside {
            warnings.append("The whole area lies in the part of the City with no building data.")
        } else {
            let bound = none ? "" : ": the totals are a lower bound"
            if gap {
                warnings.append("\(Self.percent(noData / area)) of this area (\(Self.squareMetres(noData))) lies in the part of the City "
                                + "with no building data\(bound).")
            }
            if outside {
                warnings.append("\(Self.percent(outsideCity / area)) of this area (\(Self.squareMetres(outsideCity))) lies outside the City "
                                + "of London, where the registry holds no buildings\(bound).")
            }
        }
        return warnings
    }

    /// "38 %"; a share that would round to 0 or 100 says so instead, so that a sliver is not hidden.
    static func percent(_ share: Double) -> String {
        let rounded = (share * 100).rounded()
        if rounded == 0 { return "under 1 %" }
        if rounded == 100, share < 1 { return "over 99 %" }
        return "\(Int(rounded)) %"
    }

    static func squareMetres(_ area: Double) -> String { "\(Int(area.rounded())) m²" }
}

import Foundation

/// How a building relates to a query area.
public enum Containment: String, Sendable, Codable {
    /// The whole footprint lies within the area.
    case full
    /// The footprint crosses the area's edge.
    case partial
}

/// One building found by a lookup.
public struct BuildingMatch: Sendable, Equatable {
    public let id: String
    public let name: String?
    public let address: String?
    public let postcode: String?
    public let ward: String?
    /// What to call the building: its name, else its address, else a description from its
    /// surroundings (see `BuildingLabeller`).
    public let label: String
    /// The footprint as RFC 7946 GeoJSON geometry text (lon/lat).
    public let footprintGeoJSON: String
    /// Metres from the query point to the footprint (0 inside); radius lookups only.
    public let distance: Double?
    /// Polygon lookups only.
    public let inside: Containment?
    /// Nil when nobody has reported figures for the building.
    public let figures: SiteFigures?
    /// The building's output text, when rendered ahead (the in-memory radius index does).
    var text: BuildingText? = nil

    /// The same building, whether or not its text was rendered ahead.
    public static func == (lhs: BuildingMatch, rhs: BuildingMatch) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.address == rhs.address && lhs.postcode == rhs.postcode
            && lhs.ward == rhs.ward && lhs.label == rhs.label && lhs.footprintGeoJSON == rhs.footprintGeoJSON && lhs.distance == rhs.distance
            && lhs.inside == rhs.inside && lhs.figures == rhs.figures
    }
}

extension BuildingMatch {
    /// The same building found `distance` metres from a lookup's centre.
    func at(distance: Double) -> BuildingMatch {
        BuildingMatch(id: id, name: name, address: address, postcode: postcode, ward: ward, label: label, footprintGeoJSON: footprintGeoJSON,
                      distance: distance, inside: inside, figures: figures, text: text)
    }
}

/// Sums over the buildings of a lookup, for the period that applied.
public struct LookupTotals: Sendable, Equatable {
    public let buildings: Int
    public let buildingsWithFigures: Int
    public let occupancy: Int
    public let guards: Int
    public let traumaPacks: Int
    public let firstAidKits: Int
    public let defibrillators: Int
    public let receptionCapacity: Int
    /// True when any counted figure comes from the demonstration model.
    public let demonstration: Bool
    /// Counted figures confirmed longer ago than the staleness policy allows.
    public let staleFigures: Int
    /// On a weekend day: buildings counted with their weekday day figures for want of weekend ones.
    public let weekdayFallbacks: Int

    public init(buildings: Int, buildingsWithFigures: Int, occupancy: Int, guards: Int, traumaPacks: Int,
                firstAidKits: Int, defibrillators: Int, receptionCapacity: Int, demonstration: Bool, staleFigures: Int,
                weekdayFallbacks: Int = 0) {
        self.weekdayFallbacks = weekdayFallbacks
        self.buildings = buildings
        self.buildingsWithFigures = buildingsWithFigures
        self.occupancy = occupancy
        self.guards = guards
        self.traumaPacks = traumaPacks
        self.firstAidKits = firstAidKits
        self.defibrillators = defibrillators
        self.receptionCapacity = receptionCapacity
        self.demonstration = demonstration
        self.staleFigures = staleFigures
    }

    public init(_ matches: [BuildingMatch], period: Period, cutoffs: StalenessPolicy.Cutoffs) {
        self.init(matches.lazy.map(\.figures), period: period, cutoffs: cutoffs)
    }

    /// Sums each building's figures (nil for a building without any).
    init(_ buildings: some Collection<SiteFigures?>, period: Period, cutoffs: StalenessPolicy.Cutoffs) {
        var withFigures = 0, occupancy = 0, guards = 0, trauma = 0, firstAid = 0, defib = 0, reception = 0
        var demonstration = false
        var stale = 0, fallbacks = 0
        for figures in buildings {
            guard let figures else { continue }
            withFigures += 1
            if figures.usesWeekdayFigures(period) { fallbacks += 1 }
            occupancy += figures.occupancy(period)?.value ?? 0
            guards += figures.guards(period)?.value ?? 0
            trauma += figures.value(.traumaPacks)
            firstAid += figures.value(.firstAidKits)
            defib += figures.value(.defibrillators)
            reception += figures.value(.receptionCapacity)
            demonstration = demonstration || figures.demonstration
            for (_, figure) in SiteFigures.shown(for: period) {
                if let reported = figures.reported(figure), cutoffs.isStale(figure, confirmedAt: reported.confirmedAt) { stale += 1 }
            }
        }
        self.buildings = buildings.count
        self.buildingsWithFigures = withFigures
        self.occupancy = occupancy
        self.guards = guards
        self.traumaPacks = trauma
        self.firstAidKits = firstAid
        self.defibrillators = defib
        self.receptionCapacity = reception
        self.demonstration = demonstration
        self.staleFigures = stale
        self.weekdayFallbacks = fallbacks
    }
}

/// What a radius or polygon lookup answers.
public struct LookupResult: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        case radius(RadiusQuery)
        case area(AreaQuery)
        /// An incident's corridor cordon: a route and its width.
        case corridor(route: [GeoPosition], width: Double)
    }

    public let shape: Shape
    public let at: Date
    public let period: Period
    /// Figures confirmed before these times are marked stale.
    public let cutoffs: StalenessPolicy.Cutoffs
    public let matches: [BuildingMatch]
    public let totals: LookupTotals
    /// How much of the area has building data; nil only where an answer has no area of its own.
    public var coverage: DataCoverage?
    /// The place the lookup was centred on, when one was named instead of coordinates.
    public var place: ResolvedPlace?

    /// What the answer cannot show by its numbers alone, in plain words, most important first.
    public var warnings: [String] {
        var warnings = coverage?.warnings ?? []
        if totals.weekdayFallbacks > 0 {
            warnings.append("\(totals.weekdayFallbacks) of the \(totals.buildingsWithFigures) buildings with figures have no weekend "
                            + "figures: their weekday day occupancy and guards are used for this weekend day.")
        }
        return warnings
    }

    /// True when some of the area has no building data: the totals count what is known.
    public var lowerBound: Bool { coverage?.lowerBound ?? false }

    public init(shape: Shape, at: Date, period: Period, cutoffs: StalenessPolicy.Cutoffs, matches: [BuildingMatch],
                coverage: DataCoverage? = nil) {
        self.coverage = coverage
        self.shape = shape
        self.at = at
        self.period = period
        self.cutoffs = cutoffs
        self.matches = matches
        self.totals = LookupTotals(matches, period: period, cutoffs: cutoffs)
    }

    /// A totals-only answer: no buildings listed.
    public init(shape: Shape, at: Date, period: Period, cutoffs: StalenessPolicy.Cutoffs, totals: LookupTotals,
                coverage: DataCoverage? = nil) {
        self.coverage = coverage
        self.shape = shape
        self.at = at
        self.period = period
        self.cutoffs = cutoffs
        self.matches = []
        self.totals = totals
    }
}

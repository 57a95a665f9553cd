import Foundation

/// Where the people an incident displaces can be received: an exact allocation of the
/// displaced (by building) to reception centres outside the cordon, minimising the total
/// distance walked without exceeding any centre's capacity.
public struct ReceptionPlan: Sendable {
    public struct Displaced: Sendable, Equatable {
        public let id: String
        public let name: String?
        /// What to call the building (see `BuildingLabeller`).
        public let label: String
        /// Occupancy for the period; 0 when the building has no figures.
        public let people: Int
        public let figuresReported: Bool
        public let centroid: GeoPosition
    }

    public struct Arrival: Sendable, Equatable {
        public let buildingID: String
        public let people: Int
        /// Straight-line metres between the two buildings' centroids.
        public let distance: Double
    }

    public struct Centre: Sendable, Equatable {
        public let id: String
        public let name: String?
        public let address: String?
        public let label: String
        /// Metres from the cordon's edge to the centre's footprint.
        public let distanceFromCordon: Double
        public let capacity: Int
        public let guards: Int
        public let traumaPacks: Int
        public let firstAidKits: Int
        public let demonstration: Bool
        public let centroid: GeoPosition
        public var arrivals: [Arrival] = []
        public var assigned: Int { arrivals.reduce(0) { $0 + $1.people } }
    }

    public let cordon: PlanCordon
    public let at: Date
    public let period: Period
    public let walkingDistance: Double
    /// Every building inside the cordon, people or not.
    public let displaced: [Displaced]
    /// Centres within walking distance of the cordon's edge, nearest first.
    public let centres: [Centre]
    /// When capacity within walking distance is short: the nearest further centres that
    /// would cover the shortfall, in order.
    public let further: [Centre]
    public let assigned: Int
    public let shortfall: Int
    public let personMetres: Double
    /// How much of the cordon has building data: the displaced count only what is known.
    public var coverage: DataCoverage? = nil

    public var displacedPeople: Int { displaced.reduce(0) { $0 + $1.people } }
    public var capacityWithinWalk: Int { centres.reduce(0) { $0 + $1.capacity } }
}

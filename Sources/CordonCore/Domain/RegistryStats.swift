/// Counts, totals and data coverage of the whole registry.
public struct RegistryStats: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        public let dataset: String
        public let date: String?
        public let buildings: Int
        public let footprintArea: Double
    }

    public struct CoverageZone: Sendable, Equatable {
        public let name: String
        public let cityAreaShare: Double
    }

    public struct OldestFigures: Sendable, Equatable {
        public let buildingID: String
        public let confirmedAt: String
        public let demonstration: Bool
    }

    public let buildings: Int
    public let buildingsWithFigures: Int
    public let demonstrationFigures: Int
    public let buildingsWithoutWard: Int
    public let historyRows: Int
    public let sources: [Source]
    /// Sums over every building with figures.
    public let totals: [Figure: Int]
    public let receptionSites: Int
    public let coverage: [CoverageZone]
    public let oldestFigures: [OldestFigures]

    /// The share of the City's area with building data (every coverage zone but the gap).
    public var coveredShare: Double {
        coverage.filter { !$0.name.localizedStandardContains("NO_DATA") }.reduce(0) { $0 + $1.cityAreaShare }
    }
}

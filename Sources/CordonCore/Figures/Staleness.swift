import Foundation

/// When a figure counts as stale: live figures (occupancy, guards) go stale in hours,
/// equipment and reception capacity in weeks.
public struct StalenessPolicy: Sendable, Equatable {
    public var liveMaximumAge: TimeInterval
    public var equipmentMaximumAge: TimeInterval

    public static let standard = StalenessPolicy(liveMaximumAge: 24 * 3_600, equipmentMaximumAge: 30 * 86_400)

    public init(liveMaximumAge: TimeInterval, equipmentMaximumAge: TimeInterval) {
        self.liveMaximumAge = liveMaximumAge
        self.equipmentMaximumAge = equipmentMaximumAge
    }

    /// The confirmation times before which figures are stale, at `now`, as stored text
    /// (ISO 8601 in UTC compares correctly as text).
    public func cutoffs(at now: Date) -> Cutoffs {
        Cutoffs(live: LookupTime.text(now.addingTimeInterval(-liveMaximumAge)),
                equipment: LookupTime.text(now.addingTimeInterval(-equipmentMaximumAge)))
    }

    public struct Cutoffs: Sendable, Equatable {
        public let live: String
        public let equipment: String

        public func isStale(_ figure: Figure, confirmedAt: String) -> Bool {
            confirmedAt < (figure.isLive ? live : equipment)
        }
    }
}

extension Figure {
    /// Occupancy and guards change by the hour; the rest by the month.
    public var isLive: Bool {
        switch self {
        case .occupancyDay, .occupancyNight, .guardsDay, .guardsNight: true
        default: false
        }
    }
}

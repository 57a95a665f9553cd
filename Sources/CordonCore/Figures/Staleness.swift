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

    /// When a figure confirmed at `confirmedAt` (stored text) becomes stale, as stored text,
    /// and whether at `now` it is "soon stale": in the last quarter of its life, time enough
    /// to confirm it before a commander sees it marked stale. Nil for an unreadable time.
    public func freshness(_ figure: Figure, confirmedAt: String, now: Date) -> (staleAt: String, soonStale: Bool)? {
        guard let confirmed = try? LookupTime.parse(confirmedAt) else { return nil }
        let life = figure.isLive ? liveMaximumAge : equipmentMaximumAge
        let age = now.timeIntervalSince(confirmed)
        return (LookupTime.text(confirmed.addingTimeInterval(life)), age >= life * 0.75 && age < life)
    }

    public func staleAt(_ figure: Figure, confirmedAt: String) -> String? {
        freshness(figure, confirmedAt: confirmedAt, now: Date())?.staleAt
    }

    public func soonStale(_ figure: Figure, confirmedAt: String, now: Date) -> Bool {
        freshness(figure, confirmedAt: confirmedAt, now: now)?.soonStale ?? false
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
        case .occupancyDay, .occupancyNight, .guardsDay, .guardsNight, .occupancyWeekend, .guardsWeekend: true
        default: false
        }
    }
}

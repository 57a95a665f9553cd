import Foundation

/// Lookups for a cordon of any shape, as an incident or a plan gives it: a circle, a polygon or
/// a corridor (a route and its width).
extension Registry {
    /// Every building inside the cordon with the totals and the cordon's data coverage: nearest
    /// first for a circle, marked full or partial for a polygon or a corridor.
    public func inside(_ cordon: PlanCordon, at instant: Date = Date(), now: Date = Date()) async throws -> LookupResult {
        switch cordon {
        case .radius(let query):
            return try await near(query, at: instant, now: now)
        case .area(let query):
            return try await within(query, at: instant, now: now)
        case .corridor:
            let (matches, coverage) = try await database.read { db in
                // The buffer drawn once, for the buildings and for the coverage alike.
                let (matches, wkt) = try Self.buildings(in: cordon, db: db)
                return (matches, try Self.coverage(of: cordon, wkt: wkt, in: db))
            }
            return LookupResult(shape: cordon.lookupShape, at: instant, period: dayWindow.period(at: instant),
                                cutoffs: staleness.cutoffs(at: now), matches: matches, coverage: coverage)
        }
    }
}

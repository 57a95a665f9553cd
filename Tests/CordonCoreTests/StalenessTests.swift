import CordonCore
import Foundation
import Testing

/// When figures go stale, and when they are about to: what the firm's desk sorts by.
@Suite struct StalenessTests {
    let policy = StalenessPolicy.standard
    let confirmed = "2026-03-10T09:00:00Z"

    func at(_ text: String) throws -> Date { try LookupTime.parse(text) }

    @Test func liveFiguresGoStaleAfterADayAndEquipmentAfterThirtyDays() {
        #expect(policy.staleAt(.guardsDay, confirmedAt: confirmed) == "2026-03-11T09:00:00Z")
        #expect(policy.staleAt(.occupancyWeekend, confirmedAt: confirmed) == "2026-03-11T09:00:00Z")
        #expect(policy.staleAt(.traumaPacks, confirmedAt: confirmed) == "2026-04-09T09:00:00Z")
        #expect(policy.staleAt(.guardsDay, confirmedAt: "not a time") == nil)
    }

    @Test func soonStaleIsTheLastQuarterOfAFiguresLife() throws {
        // A day's life: fresh until 18 h, soon stale from 18 h, stale (no longer "soon") at 24 h.
        #expect(!policy.soonStale(.guardsDay, confirmedAt: confirmed, now: try at("2026-03-11T02:59:59Z")))
        #expect(policy.soonStale(.guardsDay, confirmedAt: confirmed, now: try at("2026-03-11T03:00:00Z")))
        #expect(policy.soonStale(.guardsDay, confirmedAt: confirmed, now: try at("2026-03-11T08:59:59Z")))
        #expect(!policy.soonStale(.guardsDay, confirmedAt: confirmed, now: try at("2026-03-11T09:00:00Z")))
        // Thirty days' life: soon stale from 22.5 days.
        #expect(!policy.soonStale(.traumaPacks, confirmedAt: confirmed, now: try at("2026-04-01T20:59:59Z")))
        #expect(policy.soonStale(.traumaPacks, confirmedAt: confirmed, now: try at("2026-04-01T21:00:00Z")))
    }
}

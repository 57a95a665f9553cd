import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Saturdays, Sundays and bank holidays take weekend figures by day; a building without them
/// falls back to its weekday figures, and the answer says so.
@Suite struct WeekendFiguresTests {
    let firmA = Actor(organisationID: "firm-a", role: .firm, keyID: nil, channel: .http)
    let saturdayNoon = try! LookupTime.parse("2026-11-28T12:00:00Z")
    let christmasNoon = try! LookupTime.parse("2026-12-25T12:00:00Z")
    let mondayNoon = try! LookupTime.parse("2026-11-23T12:00:00Z")

    @Test func saturdaysSundaysAndBankHolidaysByDayAreWeekendDays() throws {
        let window = DayWindow.standard
        #expect(window.period(at: saturdayNoon) == .weekend)
        #expect(window.period(at: try LookupTime.parse("2026-11-29T08:00:00Z")) == .weekend)  // Sunday
        #expect(window.period(at: christmasNoon) == .weekend)
        #expect(window.period(at: try LookupTime.parse("2026-12-28T10:00:00Z")) == .weekend)  // Boxing Day, substitute
        #expect(window.period(at: mondayNoon) == .day)
        #expect(window.period(at: try LookupTime.parse("2026-11-28T22:00:00Z")) == .night)  // Saturday night
        #expect(window.period(at: try LookupTime.parse("2026-12-24T12:00:00Z")) == .day)
        // A list given in configuration replaces the bundled one.
        let replaced = window.with(holidays: try BankHolidays([(date: "2026-11-24", name: "Declared")]))
        #expect(replaced.period(at: try LookupTime.parse("2026-11-24T12:00:00Z")) == .weekend)
        #expect(replaced.period(at: christmasNoon) == .day)  // a Friday, no longer listed
    }

    @Test func theBundledFileHoldsTheBuiltInList() throws {
        let file = try BankHolidays.read(file: packageRoot.appendingPathComponent("data/bank-holidays-england-and-wales.txt").path)
        #expect(file == BankHolidays.englandAndWales)
        #expect(file.names.count == 48)
        #expect(file.names["2026-12-28"] == "Boxing Day (substitute day)")
        #expect(throws: InputError.self) { try BankHolidays([(date: "2026-02-30", name: "")]) }
    }

    @Test func aSaturdayFallsBackToWeekdayFiguresAndSaysSoUntilWeekendFiguresAreGiven() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        for at in [saturdayNoon, christmasNoon] {
            let weekend = try await registry.near(GridFixture.centreQuery(100), at: at)
            #expect(weekend.period == .weekend)
            #expect(weekend.totals.occupancy == 150 && weekend.totals.guards == 6 && weekend.totals.weekdayFallbacks == 3)
            #expect(weekend.warnings.last == "3 of the 3 buildings with figures have no weekend figures: "
                    + "their weekday day occupancy and guards are used for this weekend day.")
            #expect(weekend.json().contains(#""period":"weekend","weekday_figures":true"#))
        }
        _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.occupancyWeekend: 7, .guardsWeekend: 1]),
                                            expectedVersion: 1, actor: firmA)
        for registry in [registry, try await registry.withRadiusIndex()] {
            let saturday = try await registry.near(GridFixture.centreQuery(100), at: saturdayNoon)
            #expect(saturday.totals.occupancy == 57 && saturday.totals.guards == 4 && saturday.totals.weekdayFallbacks == 2)
            #expect(saturday.warnings.last?.hasPrefix("2 of the 3 buildings with figures have no weekend figures") == true)
            let totals = try await registry.nearTotals(GridFixture.centreQuery(100), at: christmasNoon)
            #expect(totals.totals.occupancy == 57 && totals.totals.weekdayFallbacks == 2)
            #expect(totals.totalsOnlyJSON().contains(#""weekday_figures":2"#))
            // Weekdays are untouched.
            #expect(try await registry.near(GridFixture.centreQuery(100), at: mondayNoon).totals.occupancy == 150)
        }
        let history = try await registry.history(of: "fixture/centre", actor: firmA)
        #expect(Set(history.prefix(2).map(\.figure)) == ["occupancy_weekend", "guards_weekend"])
    }

    @Test func weekendFiguresAreCheckedLikeTheOthers() async throws {
        #expect(throws: InputError.self) { try FiguresChange(values: [.occupancyWeekend: 50_001]) }
        do {
            _ = try FiguresChange.parse(.object(["guards_weekend": .number(501)]), complete: false)
            Issue.record("501 guards should be refused")
        } catch {
            #expect(error.field == "guards_weekend" && error.value == "501")
        }
        // A PUT need not give them.
        let eight = Dictionary(uniqueKeysWithValues: Figure.required.map { ($0.rawValue, JSONValue.number(1)) })
        #expect(try FiguresChange.parse(.object(eight), complete: true).isComplete)
    }

    @Test func aSpreadsheetCarriesWeekendColumnsCheckedLikeTheOthers() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let bulk = Actor(organisationID: "firm-a", role: .firm, keyID: "key_test", channel: .bulk)
        let report = try await registry.importFiguresCSV(Data("building_id,occupancy_weekend,guards_weekend\r\nfixture/centre,9,1\r\n".utf8), actor: bulk)
        #expect(report.rows == 1)
        let centre = try #require(try await registry.figures(of: "fixture/centre", actor: bulk))
        #expect(centre[.occupancyWeekend]?.value == 9 && centre[.guardsWeekend]?.confirmedBy == "firm-a")
        do {
            _ = try await registry.importFiguresCSV(Data("building_id,guards_weekend\r\nfixture/half-in,501\r\n".utf8), actor: bulk)
            Issue.record("501 weekend guards should be refused")
        } catch let rejection as BulkRejection {
            #expect(rejection.problems.map(\.column) == ["guards_weekend"])
        }
    }

    @Test func theDemonstrationModelGivesWeekendFiguresToTheBundledData() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let query = try RadiusQuery(latitude: 51.514431, longitude: -0.080334, radius: 200)
        let weekday = try await registry.near(query, at: mondayNoon)
        let saturday = try await registry.near(query, at: saturdayNoon)
        #expect(saturday.totals.weekdayFallbacks == 0 && saturday.warnings == [])
        #expect(saturday.totals.buildings == weekday.totals.buildings)
        #expect(saturday.totals.occupancy < weekday.totals.occupancy / 10)
        let stMaryAxe = try #require(saturday.matches.first { $0.id == "way/4959489" }?.figures)
        #expect(stMaryAxe[.occupancyWeekend]?.value == 6_859 * 5 / 100)
    }
}

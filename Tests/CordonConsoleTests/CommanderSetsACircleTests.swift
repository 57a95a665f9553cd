import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// A commander signs in, sets a 200 m cordon at 30 St Mary Axe for a given time, and reads
    /// exactly the totals the API gives for that point and time.
    @Suite struct CommanderSetsACircle {
        @Test func theTotalsShownAreTheAPIsTotals() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.chooseTime(ConsoleFixture.time)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 200)
                let shown = try await shownTotals(driver)
                let answer = try await fixture.api("GET", "/lookup/radius?lat=\(point.lat)&lon=\(point.lon)&radius=200&at=\(ConsoleFixture.time):00&totals_only=true",
                                                   key: fixture.keys[.commander] ?? "")
                let totals = try #require(answer["totals"] as? [String: Any])
                for name in ["buildings", "occupancy", "guards", "trauma_packs", "first_aid_kits", "defibrillators", "reception_capacity", "stale_figures"] {
                    #expect(shown[name] == totals[name] as? Int, "\(name): the page shows \(shown[name] ?? -1), the API \(totals[name] ?? "nothing")")
                }
                #expect((totals["buildings"] as? Int ?? 0) > 30)
                let rows = try await driver.execute("return document.querySelectorAll('#buildings tbody tr').length;") as? Int
                #expect(rows == totals["buildings"] as? Int)
                // Every footprint of the registry is on the map.
                let drawn = try await driver.execute("return Number(document.getElementById('map').dataset.buildings);") as? Int
                #expect(drawn == 1322)
                try await browser.screenshot("commander-sets-a-circle")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func selectingARowShowsTheBuilding() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 60)
                try await driver.click("#buildings tbody tr[data-id='way/4959489']")
                try await driver.wait(for: "!document.getElementById('details').hidden && document.getElementById('details-title').textContent === '30 St Mary Axe'",
                                      what: "the building's details")
                // Commanders see the managing firm.
                try await driver.wait(for: "document.getElementById('details-body').textContent.includes('acme')", what: "the managing firm")
                try await browser.screenshot("commander-selects-a-building")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

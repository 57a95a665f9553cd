import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// A commander draws a polygon with four clicks on the map and reads the API's totals for
    /// that polygon.
    @Suite struct CommanderDrawsAPolygon {
        @Test func theTotalsShownAreTheAPIsTotals() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.chooseTime(ConsoleFixture.time)
                try await driver.click("#draw-polygon")
                try await driver.wait(for: "document.getElementById('draw-polygon').getAttribute('aria-pressed') === 'true'", what: "drawing mode")
                try await driver.awaitingTotals {
                    try await driver.click("#map", at: [(150, -40), (260, -40), (260, 60), (150, 60)])
                    try await driver.click("#draw-finish")
                }
                let text = try await driver.execute("return document.getElementById('polygon-text').value;") as? String ?? ""
                #expect(text.split(separator: "\n").count == 4)
                let answer = try await fixture.api("POST", "/lookup/polygon?at=\(ConsoleFixture.time):00&totals_only=true",
                                                   key: fixture.keys[.commander] ?? "", body: polygonBody(text),
                                                   contentType: "application/geo+json")
                let totals = try #require(answer["totals"] as? [String: Any], "\(answer)")
                let shown = try await shownTotals(driver)
                for name in ["buildings", "occupancy", "guards", "trauma_packs", "first_aid_kits", "defibrillators", "reception_capacity", "stale_figures"] {
                    #expect(shown[name] == totals[name] as? Int, "\(name): the page shows \(shown[name] ?? -1), the API \(totals[name] ?? "nothing")")
                }
                #expect((totals["buildings"] as? Int ?? 0) > 0)
                try await browser.screenshot("commander-draws-a-polygon")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aTypedPolygonGivesTheSameTotalsAsTheAPI() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                let text = "51.5150, -0.0820\n51.5150, -0.0790\n51.5135, -0.0790\n51.5135, -0.0820"
                try await driver.awaitingTotals {
                    try await driver.type(text, into: "#polygon-text")
                    try await driver.click("#polygon-set")
                }
                let answer = try await fixture.api("POST", "/lookup/polygon?totals_only=true", key: fixture.keys[.commander] ?? "",
                                                   body: polygonBody(text), contentType: "application/geo+json")
                let totals = try #require(answer["totals"] as? [String: Any])
                let shown = try await shownTotals(driver)
                #expect(shown["buildings"] == totals["buildings"] as? Int)
                #expect(shown["occupancy"] == totals["occupancy"] as? Int)
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

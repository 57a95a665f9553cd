import CordonCore
import Foundation
import Testing

/// Positions typed or drawn in the route field ("lat, lon" lines) with a width, as the body of
/// POST /lookup/corridor.
func corridorBody(_ text: String, width: Int) -> String {
    let positions = text.split(separator: "\n").map { line in
        line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
    }
    let coordinates = positions.map { "[\($0[1]),\($0[0])]" }.joined(separator: ",")
    return "{\"route\":{\"type\":\"LineString\",\"coordinates\":[\(coordinates)]},\"width_m\":\(width)}"
}

extension ConsoleInBrowser {
    /// A commander sets a corridor (a route and its width) by drawing or typing the route, and
    /// reads the API's totals for it; an incident opened from it keeps the corridor.
    @Suite struct CommanderDrawsACorridor {
        static let totalsNames = ["buildings", "occupancy", "guards", "trauma_packs", "first_aid_kits", "defibrillators", "reception_capacity", "stale_figures"]

        @Test func aDrawnRouteShowsTheAPIsTotalsForItsCorridor() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.chooseTime(ConsoleFixture.time)
                // One drawing at a time: starting the route ends a polygon being drawn, and the
                // other way round.
                let pressed = { (id: String) async throws -> String in
                    try await driver.execute("return document.getElementById('\(id)').getAttribute('aria-pressed');") as? String ?? ""
                }
                try await driver.click("#draw-polygon")
                #expect(try await pressed("draw-polygon") == "true")
                try await driver.click("#draw-route")
                #expect(try await pressed("draw-route") == "true")
                #expect(try await pressed("draw-polygon") == "false")
                try await driver.click("#draw-polygon")
                #expect(try await pressed("draw-route") == "false")
                try await driver.click("#draw-route")
                #expect(try await pressed("draw-polygon") == "false")
                try await driver.wait(for: "document.getElementById('draw-route').getAttribute('aria-pressed') === 'true'", what: "route drawing mode")
                try await driver.awaitingTotals {
                    try await driver.click("#map", at: [(120, -60), (200, 0), (300, 20)])
                    try await driver.click("#route-finish")
                }
                let text = try await driver.execute("return document.getElementById('corridor-text').value;") as? String ?? ""
                #expect(text.split(separator: "\n").count == 3)
                let answer = try await fixture.api("POST", "/lookup/corridor?at=\(ConsoleFixture.time):00&format=json",
                                                   key: fixture.keys[.commander] ?? "", body: corridorBody(text, width: 100))
                let totals = try #require(answer["totals"] as? [String: Any], "\(answer)")
                let shown = try await shownTotals(driver)
                for name in Self.totalsNames {
                    #expect(shown[name] == totals[name] as? Int, "\(name): the page shows \(shown[name] ?? -1), the API \(totals[name] ?? "nothing")")
                }
                #expect((totals["buildings"] as? Int ?? 0) > 0)
                // The list is the API's buildings, each marked inside full or partial.
                let ids = Set((answer["buildings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
                let listed = try await driver.execute("return [...document.querySelectorAll('#buildings tbody tr')].map((tr) => tr.dataset.id);") as? [String] ?? []
                #expect(Set(listed) == ids)
                let heading = try await driver.execute("return [...document.querySelectorAll('#buildings thead th')].map((th) => th.textContent).join('|');") as? String ?? ""
                #expect(heading.contains("Inside"), "\(heading)")
                let query = try await driver.execute("return document.getElementById('result-query').textContent;") as? String ?? ""
                #expect(query.hasPrefix("Corridor 100 m wide along"), "\(query)")
                try await browser.screenshot("commander-draws-a-corridor")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aTypedRouteAndWidthGiveTheAPIsTotalsAndBadOnesAreExplained() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                // Along Leadenhall Street and on down Lime Street.
                let text = "51.51365, -0.08280\n51.51290, -0.08050\n51.51200, -0.08210"
                try await driver.awaitingTotals {
                    try await driver.type(text, into: "#corridor-text")
                    try await driver.type("60", into: "#corridor-width")
                    try await driver.click("#corridor-set")
                }
                let answer = try await fixture.api("POST", "/lookup/corridor?totals_only=true", key: fixture.keys[.commander] ?? "",
                                                   body: corridorBody(text, width: 60))
                let totals = try #require(answer["totals"] as? [String: Any], "\(answer)")
                let shown = try await shownTotals(driver)
                for name in Self.totalsNames { #expect(shown[name] == totals[name] as? Int, "\(name)") }
                #expect((totals["buildings"] as? Int ?? 0) > 0)

                // A width that is not one, and a route of one position: said, and the totals kept.
                try await driver.type("wide", into: "#corridor-width")
                try await driver.click("#corridor-set")
                let widthError = try await driver.wait(for: "document.getElementById('cordon-error').hidden ? null : document.getElementById('cordon-error').textContent",
                                                       what: "the width's error") as? String ?? ""
                #expect(widthError.hasPrefix("Width: '"), "\(widthError)")
                #expect(widthError.contains("from 1 to 2000"), "\(widthError)")
                // Enter in the width field sets the corridor (the form's Enter would set a circle).
                try await driver.awaitingTotals {
                    try await driver.type("50\u{E007}", into: "#corridor-width")
                }
                let afterEnter = try await driver.execute("return document.getElementById('result-query').textContent;") as? String ?? ""
                #expect(afterEnter.hasPrefix("Corridor 50 m wide"), "\(afterEnter)")
                let shownAt50 = try await shownTotals(driver)
                try await driver.type("51.51365, -0.08280", into: "#corridor-text")
                try await driver.click("#corridor-set")
                let routeError = try await driver.execute("return document.getElementById('cordon-error').textContent;") as? String ?? ""
                #expect(routeError == "Route: 1 position(s) given. Give at least 2 positions, one \"lat, lon\" a line.")
                #expect(try await shownTotals(driver) == shownAt50)
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func anIncidentOpenedFromACorridorKeepsItAsItsInnerCordon() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                let text = "51.51365, -0.08280\n51.51290, -0.08050"
                try await driver.awaitingTotals {
                    try await driver.type(text, into: "#corridor-text")
                    try await driver.type("80", into: "#corridor-width")
                    try await driver.click("#corridor-set")
                }
                let shown = try await shownTotals(driver)
                try await driver.click("#incident-open")
                try await driver.wait(for: "document.getElementById('incident-zones') && document.getElementById('alert-target')", what: "the opened incident")
                let row = try await driver.execute("""
                    return [...document.querySelectorAll('#incident-zones tbody tr')[0].children].slice(0, 3).map((c) => c.textContent);
                    """) as? [String] ?? []
                #expect(row.count == 3 && row[0] == "inner" && row[1] == "corridor 80 m wide", "\(row)")
                #expect(Int(row.last?.filter(\.isNumber) ?? "") == shown["buildings"], "\(row) against \(shown)")
                let incidents = try await fixture.api("GET", "/incidents", key: fixture.keys[.commander] ?? "")
                let inner = ((incidents["incidents"] as? [[String: Any]])?.first?["cordons"] as? [String: Any])?["inner"] as? [String: Any]
                #expect(inner?["type"] as? String == "corridor", "\(incidents)")
                #expect(inner?["width_m"] as? Double == 80, "\(incidents)")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// Someone without a pointer reaches the cordon controls with Tab and sets a cordon with
    /// the keys alone.
    @Suite struct KeyboardOnly {
        static let tab = "\u{E004}"
        static let enter = "\u{E007}"

        @Test func tabReachesTheCordonControlsAndEnterSetsTheCordon() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.execute("document.activeElement.blur(); window.focus();")
                var reached: [String] = []
                for _ in 0..<40 where !reached.contains("cordon-lat") {
                    try await driver.press([Self.tab])
                    reached.append(try await driver.execute("return document.activeElement.id || document.activeElement.tagName;") as? String ?? "")
                }
                #expect(reached.contains("cordon-lat"), "focus went through \(reached)")
                let latitude: [String] = "51.514431".map { String($0) }
                let longitude: [String] = "-0.080334".map { String($0) }
                let keys: [String] = latitude + [Self.tab] + longitude + [Self.enter]
                try await driver.awaitingTotals {
                    try await driver.press(keys)
                }
                let shown = try await shownTotals(driver)
                let answer = try await fixture.api("GET", "/lookup/radius?lat=51.514431&lon=-0.080334&radius=200&totals_only=true",
                                                   key: fixture.keys[.commander] ?? "")
                #expect(shown["buildings"] == (answer["totals"] as? [String: Any])?["buildings"] as? Int)
                var further: [String] = []
                for _ in 0..<12 {
                    try await driver.press([Self.tab])
                    further.append(try await driver.execute("return document.activeElement.id;") as? String ?? "")
                }
                for control in ["cordon-preset", "cordon-radius", "cordon-set", "draw-polygon", "polygon-text"] {
                    #expect(further.contains(control), "\(control) is not reached by Tab: \(further)")
                }
                try await browser.screenshot("keyboard-only")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func theConsoleFitsATablet() async throws {
            try await ConsoleFixture.with(width: 820, height: 1180) { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 100)
                let overflow = try await driver.execute("return document.documentElement.scrollWidth > window.innerWidth;") as? Bool
                #expect(overflow == false)
                try await browser.screenshot("tablet")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

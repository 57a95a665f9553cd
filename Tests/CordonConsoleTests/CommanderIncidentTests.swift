import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// The commander's incident from the page: a place found by name or grid reference, the
    /// data-coverage warning, a cordon changed with a reason, an alert previewed with whom it
    /// cannot reach, sent, updated and cancelled, and the incident closed to read-only.
    @Suite struct CommanderIncident {
        /// Signs in as the commander and opens an incident from a 100 m circle at the fixture's point.
        static func openIncident(_ fixture: ConsoleFixture, _ browser: Browser) async throws {
            let driver = browser.driver
            try await fixture.signIn(browser, as: .commander)
            try await driver.setCircle(lat: ConsoleFixture.point.lat, lon: ConsoleFixture.point.lon, radius: 100)
            try await driver.click("#incident-open")
            try await driver.wait(for: "document.getElementById('incident-zones') && document.getElementById('alert-target')", what: "the opened incident")
        }

        @Test func aCordonInTheNoDataGapShowsTheCoverageWarningAboveTheTotals() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.setCircle(lat: 51.52, lon: -0.0935, radius: 200)
                let shown = try await driver.execute("""
                    const list = document.getElementById('warnings');
                    return list.hidden ? [] : [...list.querySelectorAll('li')].map((li) => li.textContent);
                    """) as? [String] ?? []
                let answer = try await fixture.api("GET", "/lookup/radius?lat=51.52&lon=-0.0935&radius=200&totals_only=true",
                                                   key: fixture.keys[.commander] ?? "")
                let warnings = try #require(answer["warnings"] as? [String])
                #expect(warnings.first?.hasPrefix("84 % of this area") == true, "\(warnings)")
                #expect(shown == warnings)
                try await browser.screenshot("commander-sees-the-coverage-warning")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aPlaceIsFoundByNameOrGridReferenceAndAnAmbiguousOneListsItsCandidates() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await driver.awaitingTotals {
                    try await driver.type("30 St Mary Axe", into: "#place-text")
                    try await driver.click("#place-find")
                }
                let fields = { () async throws -> [String] in
                    try await driver.execute("return [document.getElementById('cordon-lat').value, document.getElementById('cordon-lon').value];") as? [String] ?? []
                }
                #expect(try await fields() == ["51.514471", "-0.080336"])
                try await driver.awaitingTotals {
                    try await driver.type("TQ 33238 81305", into: "#place-text")
                    try await driver.click("#place-find")
                }
                #expect(try await fields() == ["51.514965", "-0.081236"])
                try await driver.type("bank", into: "#place-text")
                try await driver.click("#place-find")
                let candidates = try await driver.wait(for: "document.getElementById('place-candidates').hidden ? null : document.querySelectorAll('#place-candidates button').length",
                                                       what: "the candidates") as? Int ?? 0
                #expect(candidates == 10)
                try await browser.screenshot("commander-place-candidates")
                try await driver.awaitingTotals { try await driver.click("#place-candidates button") }
                #expect(try await driver.execute("return document.getElementById('place-candidates').hidden;") as? Bool == true)
                // Only the refused ambiguous lookup is logged.
                #expect(try await consoleProblems(driver).allSatisfy { $0.contains("409") })
            }
        }

        @Test func aCordonChangesWithAReasonAndTheAlertIsPreviewedSentUpdatedCancelledAndTheIncidentClosed() async throws {
            try await ConsoleFixture.with(height: 1000) { fixture, browser in
                let driver = browser.driver
                let commander = fixture.keys[.commander] ?? ""
                try await Self.openIncident(fixture, browser)
                let point = ConsoleFixture.point
                let zones = { () async throws -> [[String]] in
                    try await driver.execute("""
                        return [...document.querySelectorAll('#incident-zones tbody tr')].map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent));
                        """) as? [[String]] ?? []
                }
                let opened = try await fixture.api("GET", "/incidents/1/buildings", key: commander)
                let innerCount = ((opened["zones"] as? [[String: Any]])?.first?["buildings"] as? [Any])?.count ?? -1
                #expect(try await zones() == [["inner", "100 m around \(point.lat), \(point.lon)", "\(innerCount)"]])

                // A wider outer cordon, with the reason it was set.
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 300)
                _ = try await driver.execute("document.getElementById('cordon-zone').value = 'outer';")
                try await driver.type("Second item reported nearby", into: "#cordon-reason")
                try await driver.click("#cordon-change")
                try await driver.wait(for: "document.querySelectorAll('#incident-zones tbody tr').length === 2", what: "the outer zone")
                let cordons = try await fixture.api("GET", "/incidents/1/cordons", key: commander)
                let latest = (cordons["versions"] as? [[String: Any]])?.first { $0["version"] as? Int == 2 } ?? cordons
                #expect(latest["reason"] as? String == "Second item reported nearby", "\(cordons)")
                #expect((latest["outer"] as? [String: Any])?["radius_m"] as? Double == 300, "\(cordons)")

                // The preview says exactly whom the alert reaches and whom it cannot.
                _ = try await driver.execute("document.getElementById('alert-target').value = 'inner+outer';")
                try await driver.click("#alert-preview")
                try await driver.wait(for: "document.getElementById('alert-send')", what: "the preview")
                let preview = try await fixture.api("POST", "/incidents/1/alerts/preview", key: commander,
                                                    body: #"{"target": {"zones": ["inner", "outer"]}}"#)
                let counts = try #require(preview["counts"] as? [String: Any])
                let reach = try await driver.execute("return document.getElementById('alert-reach').textContent;") as? String ?? ""
                #expect(reach.hasPrefix("Would reach \(counts["reachable"] as? Int ?? -1) of \(counts["recipients"] as? Int ?? -1) buildings"), "\(reach)")
                let unreachable = try await driver.execute("return document.querySelectorAll('#alert-unreachable li').length;") as? Int
                #expect(unreachable == min(101, counts["unreachable"] as? Int ?? -1))
                try await browser.screenshot("commander-previews-an-alert")
                // The preview leaves the focus on the send button: Enter sends, no pointer needed.
                #expect(try await driver.execute("return document.activeElement.id;") as? String == "alert-send")
                try await driver.press(["\u{E007}"])
                try await driver.wait(for: "document.getElementById('alert-counts')?.textContent.startsWith('Alert 1 (red)')", what: "the sent alert")

                try await driver.type("Outer cordon now 300 m", into: "#alert-followup")
                try await driver.click("#alert-update")
                try await driver.wait(for: "document.getElementById('alert-counts')?.textContent.startsWith('Alert 2 (red)')", what: "the update")
                let update = try await fixture.api("GET", "/alerts/2", key: commander)
                #expect((update["alert"] as? [String: Any])?["references"] as? Int == 1)
                try await driver.click("#alert-cancel")
                try await driver.wait(for: "document.getElementById('alert-counts')?.textContent.includes('CANCELLED by alert 3')", what: "the cancellation")

                _ = try await driver.execute("window.confirm = () => true;")
                try await driver.click("#incident-close")
                try await driver.wait(for: "document.getElementById('incident-summary')?.textContent.includes('read-only')", what: "the closed incident")
                #expect(try await driver.execute("return document.getElementById('alert-preview') === null && document.getElementById('cordon-change') === null;") as? Bool == true)
                let incident = try await fixture.api("GET", "/incidents/1", key: commander)
                #expect(incident["status"] as? String == "closed")
                _ = try await driver.execute("document.getElementById('incident').scrollIntoView({block: 'start'})")
                try await browser.screenshot("commander-closed-incident")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    
        @Test func anAlertGoesToExactlyTheBuildingsChosen() async throws {
            try await ConsoleFixture.with(height: 1000) { fixture, browser in
                let driver = browser.driver
                let commander = fixture.keys[.commander] ?? ""
                try await Self.openIncident(fixture, browser)
                _ = try await driver.execute("""
                    const target = document.getElementById('alert-target');
                    target.value = 'chosen';
                    target.dispatchEvent(new Event('change'));
                    """)
                #expect(try await driver.execute("return document.getElementById('alert-buildings').hidden;") as? Bool == false)
                let chosen = try await driver.execute("""
                    const boxes = [...document.querySelectorAll('#alert-buildings input')].slice(0, 2);
                    for (const box of boxes) box.click();
                    return boxes.map((box) => box.value);
                    """) as? [String] ?? []
                #expect(chosen.count == 2 && chosen.contains("way/4959489"), "\(chosen)")
                try await driver.click("#alert-preview")
                try await driver.wait(for: "document.getElementById('alert-send')", what: "the preview")
                let previewed = try await driver.execute("return document.querySelectorAll('#alert-recipients li, #alert-unreachable li').length;") as? Int
                #expect(previewed == 2)
                try await driver.click("#alert-send")
                try await driver.wait(for: "document.getElementById('alert-counts')?.textContent.startsWith('Alert 1 (red): 2 recipients')", what: "the sent alert")
                let status = try await fixture.api("GET", "/alerts/1", key: commander)
                let target = (status["alert"] as? [String: Any])?["target"] as? [String: Any]
                #expect((target?["buildings"] as? [String]).map(Set.init) == Set(chosen), "\(status)")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

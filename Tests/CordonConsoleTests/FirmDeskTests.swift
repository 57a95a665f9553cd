import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// A site security manager keeps the firm's figures current and answers alerts in the
    /// page, without curl, ETags or JSON; and the page asks for nothing but the firm's own.
    @Suite struct FirmDesk {
        static let local = Actor.localOperator(user: "test")
        /// 30 St Mary Axe (acme's in the fixture), Liverpool Street and one more the README uses.
        static let sites = ["way/4959489", "way/4959629", "way/30806422"]
        static let ready = "document.getElementById('sites-summary').dataset.count === '3' && document.getElementById('inbox-live').dataset.state === 'live'"

        static func assignSites(_ fixture: ConsoleFixture) async throws {
            _ = try await fixture.registry.assign(buildingIDs: Array(sites.dropFirst()), to: "acme", actor: local)
        }

        /// The paths of every request the page made (the browser's own record of them).
        static func requested(_ driver: WebDriver) async throws -> [String] {
            let paths = try await driver.execute("""
                return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search);
                """) as? [String] ?? []
            return paths
        }

        /// Only the firm's own resources: its list, its buildings, its feed, its alerts.
        static func expectOnlyOwnRequests(_ driver: WebDriver, alerts: Set<Int> = []) async throws {
            let paths = try await requested(driver).filter { !$0.hasPrefix("/console") }
            #expect(!paths.isEmpty)
            for path in paths {
                let decoded = path.removingPercentEncoding ?? path
                if decoded.hasPrefix("/buildings/") {
                    let id = decoded.dropFirst("/buildings/".count).split(separator: "/").prefix(2).joined(separator: "/")
                    #expect(sites.contains(id), "the page asked for building \(id), not one of acme's: \(path)")
                } else if decoded.hasPrefix("/alerts/") {
                    let id = Int(decoded.dropFirst("/alerts/".count).prefix { $0.isNumber }) ?? -1
                    #expect(alerts.contains(id), "the page asked for alert \(id): \(path)")
                } else {
                    let allowed = ["/session", "/me/buildings", "/me/buildings.csv", "/me/buildings/confirm", "/feed", "/feed/stream", "/figures/bulk"]
                    #expect(allowed.contains { decoded == $0 || decoded.hasPrefix($0 + "?") }, "an unexpected request: \(path)")
                }
            }
        }

        @Test func aFigureEditedInThePageIsStoredAndAConcurrentChangeIsShownNotOverwritten() async throws {
            try await ConsoleFixture.with(height: 1000) { fixture, browser in
                try await Self.assignSites(fixture)
                let driver = browser.driver
                try await fixture.signIn(browser, as: .firm, ready: Self.ready)
                #expect(try await driver.execute("return document.getElementById('app').hidden;") as? Bool == true)
                let registry = fixture.registry
                let before = try #require(try await registry.figures(of: "way/4959489", actor: Self.local))
                let guards = before.value(.guardsDay) + 1
                let audit = try await registry.auditEntries(buildingID: "way/4959489", limit: 1_000).count

                try await driver.click(#"#sites-table tr[data-id="way/4959489"] button.edit"#)
                try await driver.wait(for: "document.getElementById('figure-guards_day')?.value === '\(before.value(.guardsDay))'", what: "the editor")
                // A slip is caught beside the field, as the API would refuse it; nothing is sent.
                try await driver.type("5000", into: "#figure-guards_day")
                try await driver.click("#figures-form button[type=submit]")
                let slip = try await driver.wait(for: "document.getElementById('figure-guards_day-error').textContent", what: "the field's message")
                #expect(slip as? String == "Give a whole number from 0 to 500.")
                try await driver.type("\(guards)", into: "#figure-guards_day")
                try await driver.click("#figures-form button[type=submit]")
                try await driver.wait(for: "document.getElementById('figures-result').textContent.startsWith('Saved')", what: "the save")
                let after = try #require(try await registry.figures(of: "way/4959489", actor: Self.local))
                #expect(after.value(.guardsDay) == guards)
                #expect(after.version == before.version + 1)
                #expect(after[.guardsDay]?.confirmedBy == "acme")
                let history = try await registry.history(of: "way/4959489", actor: Self.local)
                #expect(history.first.map { [$0.figure, "\($0.newValue)", $0.changedBy] } == ["guards_day", "\(guards)", "acme"])
                let entries = try await registry.auditEntries(buildingID: "way/4959489", limit: 1_000)
                #expect(entries.count == audit + 1)
                #expect(entries.first.map { [$0.action, $0.actor] } == ["figures.update", "acme"])

                // Another control room changes the night guards through the API meanwhile.
                let nightGuards = after.value(.guardsNight) + 2
                let theirs = try await fixture.api("PATCH", "/buildings/way%2F4959489/figures", key: fixture.keys[.firm] ?? "",
                                                   body: #"{"guards_night": \#(nightGuards)}"#, headers: ["If-Match": "\"\(after.version)\""])
                #expect((theirs["figures"] as? [String: Any])?["version"] as? Int == after.version + 1, "\(theirs)")
                // The page still holds the earlier version: its change is refused and both are shown.
                let packs = after.value(.traumaPacks) + 1
                try await driver.type("\(packs)", into: "#figure-trauma_packs")
                try await driver.click("#figures-form button[type=submit]")
                try await driver.wait(for: "!document.getElementById('conflict').hidden", what: "the conflict")
                let rows = try await driver.execute("""
                    return [...document.querySelectorAll('#conflict-table tr.differs')].map((tr) => tr.dataset.figure);
                    """) as? [String]
                #expect(rows == ["guards_night", "trauma_packs"])
                try await browser.screenshot("firm-sees-a-conflict")
                var stored = try #require(try await registry.figures(of: "way/4959489", actor: Self.local))
                #expect(stored.value(.guardsNight) == nightGuards)
                #expect(stored.value(.traumaPacks) == after.value(.traumaPacks), "nothing was overwritten unseen")
                // The person chooses to save theirs: only what they changed is sent.
                try await driver.click("#conflict-mine")
                try await driver.wait(for: "document.getElementById('figures-result').textContent.startsWith('Saved: Trauma packs')", what: "the save after the conflict")
                stored = try #require(try await registry.figures(of: "way/4959489", actor: Self.local))
                #expect(stored.value(.traumaPacks) == packs)
                #expect(stored.value(.guardsNight) == nightGuards, "the other control room's change stays")

                // Site details: the control room's phone and a declared maximum occupancy, which
                // the figures form then holds people to, beside the field.
                try await driver.type("+44 20 7946 0999", into: "#site-phone")
                try await driver.type("8000", into: "#site-max")
                try await driver.click("#site-form button[type=submit]")
                try await driver.wait(for: "document.getElementById('site-result').textContent === 'Site details saved.'", what: "the site details")
                let site = try await registry.site(of: "way/4959489", actor: Self.local)
                #expect(site.controlRoomPhone == "+44 20 7946 0999")
                #expect(site.maxOccupancy == 8000)
                try await driver.type("8500", into: "#figure-occupancy_day")
                try await driver.click("#figures-form button[type=submit]")
                let above = try await driver.wait(for: "document.getElementById('figure-occupancy_day-error').textContent", what: "the maximum's message")
                #expect((above as? String ?? "").hasPrefix("At most 8000, the site's declared maximum occupancy"), "\(above ?? "")")
                #expect(try await registry.figures(of: "way/4959489", actor: Self.local)?.value(.occupancyDay) == stored.value(.occupancyDay))
                try await Self.expectOnlyOwnRequests(driver)
                #expect(try await consoleProblems(driver).allSatisfy { $0.contains("412") }, "only the refused save is logged")
            }
        }

        @Test func oneActionConfirmsEverySiteAndTheStaleReportEmpties() async throws {
            try await ConsoleFixture.with { fixture, browser in
                try await Self.assignSites(fixture)
                // Confirmed long ago: all three are stale.
                let longAgo = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01
                for id in Self.sites {
                    let version = try #require(try await fixture.registry.figures(of: id, actor: Self.local)).version
                    _ = try await fixture.registry.confirmFigures(of: id, expectedVersion: version, actor: Self.local, now: longAgo)
                }
                let driver = browser.driver
                try await fixture.signIn(browser, as: .firm, ready: Self.ready)
                let states = try await driver.execute("return [...document.querySelectorAll('#sites-table tbody tr')].map((tr) => tr.dataset.state);") as? [String]
                #expect(states == ["stale", "stale", "stale"])
                #expect(try await driver.execute("return document.getElementById('sites-summary').dataset.stale;") as? String == "3")
                try await browser.screenshot("firm-sites-stale")
                let staleBefore = try await fixture.api("GET", "/reports/stale", key: fixture.keys[.firm] ?? "")
                #expect((staleBefore["buildings"] as? [Any])?.count == 3)

                // One site ticked and confirmed; then all of them in one action.
                try await driver.click(#"#sites-table tr[data-id="way/4959629"] input[type=checkbox]"#)
                try await driver.click("#confirm-selected")
                try await driver.wait(for: "document.getElementById('confirm-result').textContent === 'Confirmed unchanged: 1 site.'", what: "the one confirmation")
                try await driver.wait(for: "document.getElementById('sites-summary').dataset.stale === '2'", what: "two sites still stale")
                #expect(try await fixture.registry.figures(of: "way/4959629", actor: Self.local)?[.guardsDay]?.confirmedBy == "acme")
                #expect(try await fixture.registry.figures(of: "way/4959489", actor: Self.local)?[.guardsDay]?.confirmedBy != "acme")
                _ = try await driver.execute("window.confirm = () => true;")
                try await driver.click("#confirm-all")
                try await driver.wait(for: "document.getElementById('confirm-result').textContent === 'Confirmed unchanged: 3 sites.'", what: "the confirmation")
                try await driver.wait(for: "document.getElementById('sites-summary').dataset.stale === '0'", what: "the list without stale sites")
                let staleAfter = try await fixture.api("GET", "/reports/stale", key: fixture.keys[.firm] ?? "")
                #expect((staleAfter["buildings"] as? [Any])?.count == 0, "\(staleAfter)")
                for id in Self.sites {
                    let figures = try #require(try await fixture.registry.figures(of: id, actor: Self.local))
                    #expect(figures[.guardsDay]?.confirmedBy == "acme")
                }
                try await browser.screenshot("firm-sites-confirmed")
                try await Self.expectOnlyOwnRequests(driver)
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aDownloadedSpreadsheetUploadsBackUnchangedAndABrokenOneWritesNothing() async throws {
            try await ConsoleFixture.with(height: 1000) { fixture, browser in
                try await Self.assignSites(fixture)
                let driver = browser.driver
                try await fixture.signIn(browser, as: .firm, ready: Self.ready)
                // The file the page's download link gives, fetched as the browser would.
                let csv = try await driver.executeAsync("""
                    fetch(document.getElementById('csv-download').href).then((r) => r.text()).then(done);
                    """) as? String ?? ""
                #expect(csv.hasPrefix("building_id,occupancy_day,"), "\(csv.prefix(200))")
                #expect(csv.split(whereSeparator: \.isNewline).count == 4)
                let file = fixture.directory.path("acme-figures.csv")
                try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
                let versions = try await Self.versions(fixture)

                try await driver.type(file, into: "#csv-upload", clearing: false)
                try await driver.wait(for: "document.getElementById('upload-result').dataset.state === 'accepted'", what: "the upload's answer")
                let accepted = try await driver.execute("return document.getElementById('upload-result').textContent;") as? String
                #expect(accepted == "acme-figures.csv: 3 lines read; 0 sites changed, 3 unchanged.")
                #expect(try await Self.versions(fixture) == versions, "an unchanged file changes nothing")

                // Broken the way spreadsheets break files: a thousands separator, a word, and
                // a building that is not acme's, semicolon-separated.
                let broken = "building_id;occupancy_day;guards_day\nway/4959489;1.200;4\nway/4959629;900;lots\nway/4959490;10;1\n"
                let brokenFile = fixture.directory.path("broken.csv")
                try Data(broken.utf8).write(to: URL(fileURLWithPath: brokenFile))
                try await driver.type(brokenFile, into: "#csv-upload", clearing: false)
                try await driver.wait(for: "document.getElementById('upload-result').dataset.state === 'refused'", what: "the refusal")
                let problems = try await driver.execute("""
                    return [...document.querySelectorAll('#upload-problems tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent));
                    """) as? [[String]] ?? []
                #expect(problems.map { $0.prefix(2) } == [["2", "occupancy_day"], ["3", "guards_day"], ["4", "building_id"]])
                #expect(problems.first?.last?.contains("has a thousands separator") == true, "\(problems)")
                #expect(try await Self.versions(fixture) == versions, "a refused file writes nothing")
                _ = try await driver.execute("document.getElementById('spreadsheet').scrollIntoView({block: 'center'})")
                try await browser.screenshot("firm-upload-refused")
                try await Self.expectOnlyOwnRequests(driver)
            }
        }

        @Test func anAlertArrivesWithoutAReloadAndTheAnswerIsRecorded() async throws {
            try await ConsoleFixture.with(height: 1000) { fixture, browser in
                try await Self.assignSites(fixture)
                let driver = browser.driver
                try await fixture.signIn(browser, as: .firm, ready: Self.ready)
                #expect(try await driver.execute("return document.getElementById('inbox-empty').hidden;") as? Bool == false)
                let commander = fixture.keys[.commander] ?? ""
                let point = ConsoleFixture.point
                let incident = try await fixture.api("POST", "/incidents", key: commander, body: """
                    {"name": "Suspect package, St Mary Axe", "location": {"lat": \(point.lat), "lon": \(point.lon)}, "inner": {"type": "radius", "radius_m": 100}}
                    """)
                let incidentID = try #require(incident["id"] as? Int, "\(incident)")
                let sent = try await fixture.api("POST", "/incidents/\(incidentID)/alerts", key: commander, body: """
                    {"priority": "red", "message": "Suspect package in the street: keep everyone inside", "target": {"zones": ["inner"]}}
                    """)
                let alertID = try #require((sent["alert"] as? [String: Any])?["id"] as? Int, "\(sent)")
                // Pushed by the stream; the page is not reloaded.
                try await driver.wait(for: "document.querySelector('#inbox-list li[data-alert=\"\(alertID)\"]')", what: "the alert in the inbox")
                let card = try await driver.execute("""
                    const card = document.querySelector('#inbox-list li[data-alert="\(alertID)"]');
                    return [card.dataset.priority, card.querySelector('.alert-message').textContent, card.querySelectorAll('.alert-sites li').length];
                    """) as? [Any] ?? []
                #expect(card.first as? String == "red")
                #expect(card.dropFirst().first as? String == "Suspect package in the street: keep everyone inside")
                #expect(card.last as? Int == 1, "only 30 St Mary Axe of acme's sites is within 100 m")

                _ = try await driver.execute("""
                    const status = document.getElementById('answer-status-\(alertID)');
                    status.value = 'sheltering';
                    status.dispatchEvent(new Event('change'));
                    """)
                try await driver.type("120", into: "#answer-people-\(alertID)")
                try await driver.click("#answer-send-\(alertID)")
                try await driver.wait(for: "document.querySelector('#inbox-list li[data-alert=\"\(alertID)\"] .answer')?.textContent.startsWith('Sheltering people, 120 people')",
                                      what: "the answer as recorded")
                let status = try await fixture.api("GET", "/alerts/\(alertID)", key: commander)
                let counts = try #require(status["counts"] as? [String: Any])
                #expect(counts["people_sheltering"] as? Int == 120)
                let latest = ((status["recipients"] as? [[String: Any]])?.first { $0["building_id"] as? String == "way/4959489" })?["latest_ack"] as? [String: Any]
                #expect(latest?["status"] as? String == "sheltering")
                #expect(latest?["by"] as? String == "acme")
                try await browser.screenshot("firm-answers-an-alert")
                try await Self.expectOnlyOwnRequests(driver, alerts: [alertID])
                #expect(try await consoleProblems(driver) == [])
            }
        }

        static func versions(_ fixture: ConsoleFixture) async throws -> [Int] {
            var versions: [Int] = []
            for id in sites { versions.append(try await fixture.registry.figures(of: id, actor: local)?.version ?? 0) }
            return versions
        }
    }
}

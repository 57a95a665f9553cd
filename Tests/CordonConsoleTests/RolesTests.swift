import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// What each role may do is the API's rule, and the page says so in the API's words.
    @Suite struct Roles {
        @Test func aPlannerCannotOpenAnIncident() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .planner)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 200)
                try await driver.click("#incident-open")
                let text = try await driver.wait(for: "document.querySelector('#incident-body .problem')?.textContent", what: "the refusal")
                #expect((text as? String ?? "").contains("incidents and alerts are run by commanders"), "\(text ?? "")")
                let incidents = try await fixture.api("GET", "/incidents", key: fixture.keys[.commander] ?? "")
                #expect((incidents["incidents"] as? [Any])?.isEmpty == true)
                _ = try await driver.execute("document.getElementById('incident-body').scrollIntoView({block: 'center'})")
                try await browser.screenshot("planner-cannot-open-an-incident")
            }
        }

        @Test func aFirmGetsItsDeskAndNotTheCommandersMap() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .firm, ready: "document.getElementById('sites-summary').dataset.count === '1'")
                #expect(try await driver.execute("return document.getElementById('desk-who').textContent;") as? String == "acme (firm)")
                #expect(try await driver.execute("return document.getElementById('app').hidden;") as? Bool == true)
                #expect(try await driver.execute("return document.title;") as? String == "Cordon: firm's desk")
                let rows = try await driver.execute("return [...document.querySelectorAll('#sites-table tbody tr')].map((tr) => tr.dataset.id);") as? [String]
                #expect(rows == ["way/4959489"])
                // The map is the API's to refuse, whatever the page does.
                let map = try await fixture.api("GET", "/map", key: fixture.keys[.firm] ?? "")
                #expect((map["detail"] as? String ?? "").contains("firm role"), "\(map)")
                try await browser.screenshot("firm-desk")
            }
        }

        @Test func aRefusedKeyIsSaidToBeRefused() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await driver.open(fixture.base + "/console")
                try await driver.wait(for: "!document.getElementById('sign-in').hidden", what: "the sign-in form")
                try await driver.type("cordon_not-a-key", into: "#sign-in-key")
                try await driver.click("#sign-in button[type=submit]")
                let text = try await driver.wait(for: "document.getElementById('sign-in-error').hidden ? null : document.getElementById('sign-in-error').textContent",
                                                 what: "the refusal")
                #expect((text as? String ?? "").contains("The key was refused"))
                // The key typed is not left in the page.
                let left = try await driver.execute("return document.getElementById('sign-in-key').value;") as? String
                #expect(left == "")
                try await browser.screenshot("refused-key")
            }
        }
    }
}

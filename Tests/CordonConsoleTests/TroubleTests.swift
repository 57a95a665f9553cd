import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// When the answers stop, the page says so in words and tries again: never an empty map
    /// that looks like "nothing here".
    @Suite struct Trouble {
        @Test func aLostServerIsSaidAndRetried() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                await fixture.stop()
                try await driver.type("51.514431", into: "#cordon-lat")
                try await driver.type("-0.080334", into: "#cordon-lon")
                try await driver.click("#cordon-set")
                let text = try await driver.wait(for: "document.getElementById('status').hidden ? null : document.getElementById('status').textContent",
                                                 what: "the lost-server message")
                #expect((text as? String ?? "").contains("The server does not answer"), "\(text ?? "")")
                #expect((text as? String ?? "").contains("Retrying in"))
                // The footprints already drawn stay; the panel shows no totals it did not get.
                let totals = try await driver.execute("return document.querySelectorAll('#totals [data-total]').length;") as? Int
                #expect(totals == 0)
                try await browser.screenshot("lost-server")
            }
        }

        @Test func aRevokedKeyEndsTheSessionAndAsksForASignIn() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                try await fixture.registry.revokeKey(id: fixture.keyIDs[.commander] ?? "", actor: .localOperator(user: "test"))
                // A key revoked by another process is noticed within the server's 5 s cache.
                try await Task.sleep(for: .seconds(5.5))
                try await driver.type("51.514431", into: "#cordon-lat")
                try await driver.type("-0.080334", into: "#cordon-lon")
                try await driver.click("#cordon-set")
                let text = try await driver.wait(for: "document.getElementById('sign-in').hidden ? null : document.getElementById('sign-in-error').textContent",
                                                 what: "the sign-in form again")
                #expect((text as? String ?? "").contains("Your session has ended"), "\(text ?? "")")
                try await browser.screenshot("session-ended")
            }
        }
    }
}

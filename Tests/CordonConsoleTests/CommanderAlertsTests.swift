import CordonCore
import Foundation
import Testing

extension ConsoleInBrowser {
    /// A commander opens an incident from the cordon on screen, previews and sends an alert,
    /// and sees a firm's answer arrive without reloading.
    @Suite struct CommanderAlerts {
        @Test func aFirmsAnswerAppearsWithoutAReload() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let driver = browser.driver
                try await fixture.signIn(browser, as: .commander)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 200)
                try await driver.click("#incident-open")
                try await driver.wait(for: "document.getElementById('alert-preview')", what: "the opened incident")
                try await driver.click("#alert-preview")
                try await driver.wait(for: "document.getElementById('alert-send')", what: "the preview")
                try await driver.click("#alert-send")
                try await driver.wait(for: "document.getElementById('alert-counts')?.textContent.includes('0 acknowledged')", what: "the sent alert")
                // A follow-up being typed when an answer arrives is not lost with the redraw.
                try await driver.type("Still typing", into: "#alert-followup")
                let answer = try await fixture.api("POST", "/alerts/1/ack", key: fixture.keys[.firm] ?? "",
                                                   body: #"{"building_id": "way/4959489", "status": "need_assistance", "note": "Two injured in the lobby"}"#)
                #expect(answer["acks"] != nil, "\(answer)")
                // Pushed to the page by the incident's stream, without a reload.
                try await driver.wait(for: "document.getElementById('alert-answers')?.textContent.includes('Two injured in the lobby')",
                                      what: "the firm's answer on the page")
                #expect(try await driver.execute("return document.getElementById('alert-followup').value;") as? String == "Still typing")
                // So is one being typed when the cordons change and the incident panel is redrawn.
                let changed = try await fixture.api("POST", "/incidents/1/cordons", key: fixture.keys[.commander] ?? "",
                                                    body: #"{"inner": {"type": "radius", "radius_m": 150}, "reason": "Item moved"}"#)
                #expect(changed["cordons"] != nil, "\(changed)")
                try await driver.wait(for: "document.getElementById('incident-summary')?.textContent.includes('cordons version 2')", what: "the redrawn incident")
                #expect(try await driver.execute("return document.getElementById('alert-followup').value;") as? String == "Still typing")
                _ = try await driver.execute("document.getElementById('alert-answers').scrollIntoView({block: 'center'})")
                try await browser.screenshot("commander-sees-answers")
                #expect(try await consoleProblems(driver) == [])
            }
        }
    }
}

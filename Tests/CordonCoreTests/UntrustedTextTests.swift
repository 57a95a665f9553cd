import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

/// Text from outside: control characters, impossible times and spreadsheet formulas.
@Suite struct UntrustedTextTests {
    @Test func controlCharactersAreRefusedAndShownEscaped() throws {
        for bad in ["a\u{0}b", "a\u{1}", "\u{1F}", "a\u{7F}", "a\u{80}", "a\u{9F}", "a\rb", "a\nb", "a\tb"] {
            #expect(throws: InputError.self, "\(TextInput.escaped(bad))") { try TextInput.checked(bad, field: "id") }
        }
        #expect(try TextInput.checked("way/4959489", field: "id") == "way/4959489")
        #expect(try TextInput.checked("Café — ½ off ÿ\u{A0}", field: "name") == "Café — ½ off ÿ\u{A0}")
        #expect(try TextInput.checked("line one\n\tline two", field: "note", .multiLine) == "line one\n\tline two")
        #expect(throws: InputError.self) { try TextInput.checked("a\rb", field: "note", .multiLine) }
        do {
            try TextInput.checked("relation/2098805\u{0}x", field: "building_id")
            Issue.record("accepted a NUL")
        } catch {
            #expect(error.description == "building_id: contains the control character \\u0000 (got 'relation/2098805\\u0000x'). Remove control characters such as NUL, line breaks, tabs or escape and send it again.")
        }
    }

    @Test func aJSONBodyIsCheckedMemberByMember() throws {
        let body = JSONValue.object(["target": .object(["buildings": .array([.string("way/1"), .string("way/2\u{0}")])])])
        #expect(throws: InputError(field: "target.buildings", value: "'way/2\u{0}'", problem: "contains the control character \\u0000",
                                   fix: "Remove control characters such as NUL, carriage return or escape (line breaks and tabs are allowed) and send it again.")) {
            try TextInput.checkStrings(in: body)
        }
        try TextInput.checkStrings(in: .object(["note": .string("two\nlines")]))
        #expect(throws: InputError.self) { try TextInput.checkStrings(in: .object(["no\u{0}te": .string("x")])) }
    }

    @Test func theEmailCheckCannotBeCutShortByANUL() throws {
        let site = SiteDetails(buildingID: "way/1", managedBy: "firm-a", controlRoomPhone: nil, email: nil, maxOccupancy: nil)
        #expect(throws: InputError.self) {
            try SiteDetails.parseChange(.object(["email": .string("javascript:alert(1)\u{0}@x.co")]), onto: site)
        }
    }

    @Test(arguments: [
        ("2026-02-30T10:00:00Z", "is not a date: February 2026 has 28 days"),
        ("2026-04-31T10:00", "is not a date: April 2026 has 30 days"),
        ("2027-02-29T00:00:00Z", "is not a date: February 2027 has 28 days"),
        ("1900-02-29T00:00:00Z", "is not a date: February 1900 has 28 days"),
        ("2026-13-01T00:00:00Z", "has month 13, which does not exist"),
        ("2026-00-10T00:00:00Z", "has month 00, which does not exist"),
        ("2026-03-00T00:00:00Z", "is not a date: March 2026 has 31 days"),
        ("2026-03-10T24:00:00Z", "is not a time of day: 24:00:00"),
        ("2026-03-10T10:60:00Z", "is not a time of day: 10:60:00"),
        ("2026-03-10T10:00:60Z", "is not a time of day: 10:00:60"),
        ("2026-03-10T10:00:00+99:99", "has an offset of +99:99, which no time zone has"),
        ("2026-03-10T10:00:00+14:01", "has an offset of +14:01, which no time zone has"),
        ("2026-03-10T10:00:00-03:60", "has an offset of -03:60, which no time zone has"),
        ("2026-03-10", "is not an ISO 8601 time"),
        ("2026-03-10T10:00:00Zjunk", "is not an ISO 8601 time"),
        ("2026-3-10T10:00", "is not an ISO 8601 time"),
        ("noon", "is not an ISO 8601 time"),
    ])
    func impossibleTimesAreRefused(_ text: String, _ problem: String) {
        do {
            _ = try LookupTime.parse(text, field: "at")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.field == "at")
            #expect(error.value == "'\(text)'")
            #expect(error.problem == problem)
            #expect(!error.fix.isEmpty)
        }
    }

    @Test func realTimesAreReadAsBefore() throws {
        func text(_ input: String) throws -> String { LookupTime.text(try LookupTime.parse(input)) }
        #expect(try text("2026-11-21T14:30:00Z") == "2026-11-21T14:30:00Z")
        #expect(try text("2026-11-21T14:30:00.250Z") == "2026-11-21T14:30:00Z")
        #expect(try text("2026-07-01T14:30:00+01:00") == "2026-07-01T13:30:00Z")
        #expect(try text("2026-07-01T14:30:00-0530") == "2026-07-01T20:00:00Z")
        #expect(try text("2026-07-01T14:30:00+14:00") == "2026-07-01T00:30:00Z")
        #expect(try text("2028-02-29T23:59:59Z") == "2028-02-29T23:59:59Z")
        #expect(try text("2000-02-29T00:00:00Z") == "2000-02-29T00:00:00Z")
        // Without a zone: London local time (BST in July, GMT in January).
        #expect(try text("2026-07-01T14:30") == "2026-07-01T13:30:00Z")
        #expect(try text("2026-01-15T14:30:00") == "2026-01-15T14:30:00Z")
        #expect(try text(" 2026-01-15T14:30:00Z ") == "2026-01-15T14:30:00Z")
    }

    @Test func csvTextCellsThatLookLikeFormulasAreNeutralisedAndNumbersAreNot() {
        #expect(CSVField.line([.text("=HYPERLINK(\"http://x\",\"y\")"), .text("@SUM(1+1)"), .text("+1"), .text("-2"),
                               .text("\tx"), .text("\rx"), .number("-0.0803"), .number("-12"), .text("Plain, Name"), .text("")])
                == #""'=HYPERLINK(""http://x"",""y"")","'@SUM(1+1)","'+1","'-2","'"# + "\tx\",\"'\rx\"" + #",-0.0803,-12,"Plain, Name","#)
    }
}

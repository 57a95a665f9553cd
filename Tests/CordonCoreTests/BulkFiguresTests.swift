import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite struct BulkFiguresTests {
    let firmA = Actor(organisationID: "firm-a", role: .firm, keyID: "key_test", channel: .bulk)

    func registry(_ directory: TemporaryDirectory) async throws -> Registry {
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        return registry
    }

    @Test func aSpreadsheetUpdatesEveryLineWithBOMAndCRLF() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registry(directory)
        let csv = "\u{FEFF}building_id,guards_day,\"trauma_packs\",occupancy_night\r\nfixture/centre,7,,12\r\n\"fixture/half-in\",8,4,\r\n"
        let report = try await registry.importFiguresCSV(Data(csv.utf8), actor: firmA)
        #expect(report.rows == 2)
        #expect(report.buildings == ["fixture/centre", "fixture/half-in"])
        let centre = try #require(try await registry.figures(of: "fixture/centre", actor: firmA))
        #expect([centre.value(.guardsDay), centre.value(.traumaPacks), centre.value(.occupancyNight)] as [Int] == [7, 2, 12])
        #expect(centre[.guardsDay]?.confirmedBy == "firm-a")
        let halfIn = try #require(try await registry.figures(of: "fixture/half-in", actor: firmA))
        #expect([halfIn.value(.guardsDay), halfIn.value(.traumaPacks), halfIn.value(.occupancyNight)] as [Int] == [8, 4, 4])
        let history = try await registry.history(of: "fixture/half-in", actor: firmA)
        let uploaded = history.filter { $0.changedBy == "firm-a" }
        #expect(uploaded.map(\.figure).sorted() == ["guards_day", "trauma_packs"])
        #expect(uploaded.allSatisfy { $0.channel == "bulk" })
    }

    @Test func aSemicolonSeparatedSpreadsheetIsReadToo() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registry(directory)
        // As a spreadsheet saves CSV where the comma is the decimal separator; a label holding
        // a comma is quoted and stays one cell.
        let csv = "\u{FEFF}building_id;guards_day;trauma_packs;label\r\nfixture/centre;9;3;\"Centre; east, wing\"\r\n"
        let report = try await registry.importFiguresCSV(Data(csv.utf8), actor: firmA)
        #expect(report.buildings == ["fixture/centre"])
        let centre = try #require(try await registry.figures(of: "fixture/centre", actor: firmA))
        #expect([centre.value(.guardsDay), centre.value(.traumaPacks)] as [Int] == [9, 3])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let csv: String
        let problems: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "ragged row", csv: "building_id,guards_day\nfixture/centre,1,2\n", problems: ["line 2: has 3 fields; the header has 2"]),
        .init(name: "bad quoting", csv: "building_id,guards_day\nfixture/ce\"ntre,1\n",
              problems: ["line 2: a quote inside an unquoted field; quote the whole field and double inner quotes (\"\")"]),
        .init(name: "unterminated quote", csv: "building_id,guards_day\n\"fixture/centre,1\n", problems: ["line 2: a quoted field is never closed"]),
        .init(name: "text after quote", csv: "building_id,guards_day\n\"fixture/centre\"x,1\n", problems: ["line 2: text after a closing quote; quote the whole field"]),
        .init(name: "unknown column", csv: "building_id,guards\nfixture/centre,1\n",
              problems: ["line 1, column guards: is not a column of this upload; use building_id, label (not read) and occupancy_day, occupancy_night, guards_day, guards_night, trauma_packs, first_aid_kits, defibrillators, reception_capacity, occupancy_weekend, guards_weekend"]),
        .init(name: "no id column", csv: "guards_day\n1\n", problems: ["line 1: there is no building_id column"]),
        .init(name: "empty", csv: "", problems: ["line 1: the file is empty; the first line must name the columns: building_id and figures"]),
        .init(name: "header only", csv: "building_id,guards_day\n", problems: ["line 2: there are no rows after the header"]),
        .init(name: "every bad line reported", csv: "building_id,guards_day,trauma_packs\nfixture/centre,-1,2\nfixture/half-in,four,\nfixture/centre,1,1\n,1,1\n",
              problems: ["line 2, column guards_day: -1 is out of range; Give a whole number from 0 to 500.",
                         "line 3, column guards_day: 'four' is not a whole number",
                         "line 4, column building_id: fixture/centre is already on line 2",
                         "line 5, column building_id: is empty"]),
        .init(name: "thousands separators", csv: "building_id,occupancy_day\nfixture/centre,\"1,200\"\nfixture/half-in,1.200\n",
              problems: ["line 2, column occupancy_day: '1,200' has a thousands separator; write the number without one (1200), or format the column as a plain number in the spreadsheet before saving",
                         "line 3, column occupancy_day: '1.200' has a thousands separator; write the number without one (1200), or format the column as a plain number in the spreadsheet before saving"]),
        .init(name: "a semicolon file with a bad value", csv: "building_id;guards_day\nfixture/centre;lots\n",
              problems: ["line 2, column guards_day: 'lots' is not a whole number"]),
        .init(name: "another firm's building", csv: "building_id,guards_day\nfixture/centre,2\nfixture/at-radius,5\n",
              problems: ["line 3, column building_id: organisation firm-a does not manage building fixture/at-radius"]),
        .init(name: "unknown building reads like a refusal", csv: "building_id,guards_day\nway/0,5\n",
              problems: ["line 2, column building_id: organisation firm-a does not manage building way/0"]),
        .init(name: "a building without figures needs all eight", csv: "building_id,guards_day\nfixture/far,5\n",
              problems: ["line 2, column building_id: organisation firm-a does not manage building fixture/far"]),
        .init(name: "SQL in a cell is only text", csv: "building_id,guards_day\n\"x'); DROP TABLE site_figures; --\",5\n",
              problems: ["line 2, column building_id: organisation firm-a does not manage building x'); DROP TABLE site_figures; --"]),
    ]

    @Test(arguments: cases)
    func anyBadLineRefusesTheWholeUploadAndNothingIsWritten(_ input: Case) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registry(directory)
        let before = try await fingerprint(registry.database)
        let rejection = await #expect(throws: BulkRejection.self) {
            try await registry.importFiguresCSV(Data(input.csv.utf8), actor: firmA)
        }
        #expect(rejection?.problems.map(\.description) == input.problems)
        #expect(try await fingerprint(registry.database) == before)
    }

    @Test func commandersAndPlannersMayNotUpload() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registry(directory)
        await #expect(throws: AccessDenied.self) {
            try await registry.importFiguresCSV(Data("building_id,guards_day\nfixture/centre,1\n".utf8),
                                               actor: Actor(organisationID: "police", role: .commander, keyID: nil, channel: .bulk))
        }
    }
}

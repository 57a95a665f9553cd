import CordonCore
import CordonTestSupport
import Foundation
import Testing

extension ConsoleInBrowser {
    /// A planner plans survivor reception for a 200 m cordon at 30 St Mary Axe and reads the
    /// City-wide coverage grid: the page shows the API's numbers, draws both on the map, and
    /// its downloads open in a spreadsheet with every value in its own cell.
    @Suite struct PlannerTable {
        static let at = ConsoleFixture.time + ":00"
        static let planBody = #"{"cordon": {"type": "radius", "lat": 51.514431, "lon": -0.080334, "radius_m": 200}, "walk_m": 1000, "at": "\#(at)"}"#
        static let accented = "Société Générale"

        @Test func aPlannersPlanShowsTheAPIsDisplacedPlacedAndShortfall() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let key = fixture.keys[.planner] ?? ""
                // The nearest centre that receives people gets a name with accents.
                let before = try await fixture.api("POST", "/plan/reception", key: key, body: Self.planBody)
                let first = try #require((before["centres"] as? [[String: Any]])?.first { ($0["assigned"] as? Int ?? 0) > 0 }?["id"] as? String)
                try await renameBuilding(first, to: Self.accented, databasePath: fixture.directory.path("bundled.sqlite"))
                let answer = try await fixture.api("POST", "/plan/reception", key: key, body: Self.planBody)
                let totals = try #require(answer["totals"] as? [String: Any])
                // The bundled data's day figures, as PlanEndpointTests has them.
                #expect(totals["displaced"] as? Int == 78_727)
                #expect(totals["buildings_inside"] as? Int == 105)

                let driver = browser.driver
                try await fixture.signIn(browser, as: .planner)
                try await driver.wait(for: "!document.getElementById('planner').hidden", what: "the planner's table")
                #expect(try await driver.execute("return document.getElementById('app-subtitle').textContent;") as? String == "planner's console")
                try await driver.chooseTime(ConsoleFixture.time)
                let point = ConsoleFixture.point
                try await driver.setCircle(lat: point.lat, lon: point.lon, radius: 200)
                try await driver.click("#plan-make")
                try await driver.wait(for: "document.getElementById('plan-result').dataset.state === 'ready'", timeout: 30, what: "the reception plan")

                let shown = try await figuresShown(driver, in: "plan-totals")
                for name in ["displaced", "assigned", "shortfall", "centres", "capacity_within_walk", "buildings_inside"] {
                    #expect(shown[name] == totals[name] as? Int, "\(name): the page shows \(shown[name] ?? -1), the API \(totals[name] ?? "nothing")")
                }
                let centres = try #require(answer["centres"] as? [[String: Any]])
                let further = answer["further_centres"] as? [[String: Any]] ?? []
                let flows = centres.reduce(0) { $0 + (($1["from"] as? [Any])?.count ?? 0) }
                #expect(flows > 0)
                let drawn = try await driver.execute("""
                    const pane = document.querySelector('.leaflet-plan-pane');
                    return { centres: pane.querySelectorAll('path.plan-centre').length, further: pane.querySelectorAll('path.plan-further_centre').length,
                             displaced: pane.querySelectorAll('path.plan-displaced').length, labels: pane.querySelectorAll('.flow-label').length };
                    """) as? [String: Int] ?? [:]
                #expect(drawn == ["centres": centres.count, "further": further.count, "displaced": 105, "labels": flows])
                let used = centres.filter { ($0["assigned"] as? Int ?? 0) > 0 }.count
                let rows = try await driver.execute("return document.querySelectorAll('#plan-centres tbody tr').length;") as? Int
                #expect(rows == used)
                try await driver.execute("document.getElementById('plan-result').scrollIntoView();")
                try await browser.screenshot("planner-plans-reception")
                // Selecting the centre zooms to its catchment, where each line's people can be read.
                try await driver.click("#plan-centres tbody tr[data-id='\(first)']")
                try await driver.wait(for: "!document.getElementById('map').classList.contains('plan-labels-far')", what: "the centre's catchment, zoomed in")
                try await browser.screenshot("planner-selects-a-centre")

                try await driver.wait(for: "document.getElementById('plan-downloads').dataset.state === 'ready'", timeout: 30, what: "the plan's downloads")
                let files = try await downloads(driver, ["plan-file-centres", "plan-file-buildings", "plan-file-allocations", "plan-file-totals"], in: fixture.directory)
                let tables = try spreadsheetRows(files)
                let centresTable = try #require(tables["plan-file-centres"])
                #expect(centresTable.header.starts(with: ["centre_id", "name", "label", "role", "lat", "lon"]))
                #expect(centresTable.rows.count == centres.count + further.count)
                #expect(centresTable.rows.contains { $0[0] == first && $0[1] == Self.accented && $0[2] == Self.accented })
                #expect(try #require(tables["plan-file-buildings"]).rows.count == 105)
                #expect(try #require(tables["plan-file-buildings"]).header.contains("lat"))
                let allocations = try #require(tables["plan-file-allocations"])
                #expect(allocations.rows.count == flows)
                #expect(allocations.rows.contains { $0[4] == first && $0[5] == Self.accented })
                #expect(["building_lat", "building_lon", "centre_lat", "centre_lon"].allSatisfy(allocations.header.contains))
                // Totals in their own file: one row, numbers in number columns.
                let totalsTable = try #require(tables["plan-file-totals"])
                #expect(totalsTable.rows.count == 1)
                let row = Dictionary(uniqueKeysWithValues: zip(totalsTable.header, totalsTable.rows.first ?? []))
                for name in ["displaced", "assigned", "shortfall"] { #expect(row[name].flatMap { Int($0) } == totals[name] as? Int, "\(name)") }

                // The printed page: the plan's numbers and centres, none of its controls.
                _ = try await WebDriver.call(driver.base + "/session/\(driver.session)/goog/cdp/execute", method: "POST",
                                             body: ["cmd": "Emulation.setEmulatedMedia", "params": ["media": "print"]])
                let printed = try await driver.execute("""
                    const shown = (id) => getComputedStyle(document.getElementById(id)).display !== 'none';
                    return { totals: shown('plan-totals'), centres: shown('plan-centres'), button: shown('plan-make'), downloads: shown('plan-downloads') };
                    """) as? [String: Bool] ?? [:]
                #expect(printed == ["totals": true, "centres": true, "button": false, "downloads": false])
                try await browser.screenshot("planner-prints-the-plan")
                _ = try await WebDriver.call(driver.base + "/session/\(driver.session)/goog/cdp/execute", method: "POST",
                                             body: ["cmd": "Emulation.setEmulatedMedia", "params": ["media": ""]])

                let svg = try await downloads(driver, ["plan-file-svg", "plan-file-geojson"], in: fixture.directory)
                let map = String(decoding: try Data(contentsOf: try #require(svg["plan-file-svg"])), as: UTF8.self)
                #expect(map.hasPrefix("<svg") && map.contains("Displaced 78727 in 105 buildings"))
                let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: try #require(svg["plan-file-geojson"]))) as? [String: Any]
                #expect((geojson?["totals"] as? [String: Any])?["shortfall"] as? Int == totals["shortfall"] as? Int)
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func theCoverageLayerAndWardTableShowTheAPIsNumbers() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let key = fixture.keys[.planner] ?? ""
                let query = "radius=200&spacing=200&walk=1000&at=\(Self.at)"
                let answer = try await fixture.api("GET", "/plan/coverage?\(query)&format=json", key: key)
                let summary = try #require(answer["summary"] as? [String: Any])
                let wards = try #require(answer["wards"] as? [[String: Any]])
                #expect(summary["points"] as? Int == 80)
                let lowerBound = try #require(summary["points_lower_bound"] as? Int)
                #expect(lowerBound > 0)

                let driver = browser.driver
                try await fixture.signIn(browser, as: .planner)
                try await driver.chooseTime(ConsoleFixture.time)
                try await driver.type("200", into: "#coverage-spacing")
                try await driver.click("#coverage-show")
                try await driver.wait(for: "document.getElementById('coverage-result').dataset.state === 'ready'", timeout: 30, what: "the coverage grid")

                let shown = try await figuresShown(driver, in: "coverage-summary")
                for name in ["points", "points_short", "maximum_shortfall", "points_lower_bound"] {
                    #expect(shown[name] == summary[name] as? Int, "\(name)")
                }
                // Every cell drawn, and every cell whose cordon reaches the area without data hatched.
                let cells = try await driver.execute("""
                    const pane = document.querySelector('.leaflet-coverage-pane');
                    return { paths: pane.querySelectorAll('path').length,
                             hatched: pane.querySelectorAll('path[fill="url(#coverage-lower-bound-hatch)"]').length,
                             noData: document.querySelectorAll('path[fill="url(#no-data-hatch)"]').length };
                    """) as? [String: Int] ?? [:]
                #expect(cells["paths"] == 80 + lowerBound && cells["hatched"] == lowerBound)
                #expect((cells["noData"] ?? 0) > 0)
                let table = try await driver.execute("""
                    return [...document.querySelectorAll('#coverage-wards tbody tr')].map((tr) =>
                      [tr.dataset.ward, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]);
                    """) as? [[String]] ?? []
                #expect(table.count == wards.count)
                for (row, ward) in zip(table, wards) {
                    #expect(row[0] == ward["ward"] as? String)
                    let numbers = row.dropFirst().map { Double($0.filter { $0.isNumber || $0 == "." }) ?? -1 }
                    let expected = ["points", "points_short", "points_lower_bound", "maximum_shortfall", "mean_shortfall"].map { (ward[$0] as? NSNumber)?.doubleValue ?? -2 }
                    #expect(numbers == expected, "\(row)")
                }
                try await driver.execute("document.getElementById('coverage-result').scrollIntoView();")
                try await browser.screenshot("planner-shows-coverage")

                let files = try await downloads(driver, ["coverage-file-points", "coverage-file-wards", "coverage-file-summary"], in: fixture.directory)
                let tables = try spreadsheetRows(files)
                let points = try #require(tables["coverage-file-points"])
                #expect(points.rows.count == 80 && points.header.contains("lat") && points.header.contains("lon"))
                let wardsTable = try #require(tables["coverage-file-wards"])
                #expect(wardsTable.rows.map { $0[0] } == wards.map { $0["ward"] as? String ?? "" })
                #expect(try #require(tables["coverage-file-summary"]).rows.first?[5] == "80")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aPlanForAnOpenIncidentUsesItsCurrentCordons() async throws {
            try await ConsoleFixture.with { fixture, browser in
                // A commander opens an incident at 30 St Mary Axe with inner and outer cordons.
                let opened = try await fixture.api("POST", "/incidents", key: fixture.keys[.commander] ?? "", body: """
                    {"name": "Suspect vehicle", "location": {"lat": 51.514431, "lon": -0.080334},
                     "inner": {"type": "radius", "radius_m": 100}, "outer": {"type": "radius", "radius_m": 300}}
                    """)
                let id = try #require(opened["id"] as? Int)
                let key = fixture.keys[.planner] ?? ""
                let answer = try await fixture.api("POST", "/plan/reception", key: key,
                                                   body: #"{"incident": \#(id), "walk_m": 1000, "at": "\#(Self.at)"}"#)
                let totals = try #require(answer["totals"] as? [String: Any])
                // The outer cordon keeps centres inside it out of the plan.
                let onlyInner = try await fixture.api("POST", "/plan/reception", key: key, body: """
                    {"cordon": {"type": "radius", "lat": 51.514431, "lon": -0.080334, "radius_m": 100}, "walk_m": 1000, "at": "\(Self.at)"}
                    """)
                #expect((onlyInner["totals"] as? [String: Any])?["displaced"] as? Int == totals["displaced"] as? Int)
                #expect(((onlyInner["totals"] as? [String: Any])?["centres"] as? Int ?? 0) > (totals["centres"] as? Int ?? 0))

                let driver = browser.driver
                try await fixture.signIn(browser, as: .planner)
                try await driver.chooseTime(ConsoleFixture.time)
                try await driver.wait(for: "document.querySelector('#plan-for option[value=\"\(id)\"]')", what: "the open incident in the choice")
                try await driver.execute("""
                    const choice = document.getElementById('plan-for');
                    choice.value = arguments[0];
                    choice.dispatchEvent(new Event('change'));
                    """, ["\(id)"])
                try await driver.wait(for: "document.getElementById('plan-result').dataset.state === 'ready'", timeout: 30, what: "the incident's plan")
                let shown = try await figuresShown(driver, in: "plan-totals")
                for name in ["displaced", "assigned", "shortfall", "centres"] {
                    #expect(shown[name] == totals[name] as? Int, "\(name): the page shows \(shown[name] ?? -1), the API \(totals[name] ?? "nothing")")
                }
                let query = try await driver.execute("return document.getElementById('plan-query').textContent;") as? String ?? ""
                try await driver.execute("document.getElementById('plan-result').scrollIntoView();")
                try await browser.screenshot("planner-plans-for-an-incident")
                #expect(query.hasPrefix("Incident \(id) (Suspect vehicle), its current inner cordon (no centre inside its outer cordon): day figures for 2026-11-23 10:00:00 UTC"), "\(query)")
                #expect(try await consoleProblems(driver) == [])
            }
        }

        @Test func aNameFromTheDataIsShownAsTextNeverAsMarkup() async throws {
            try await ConsoleFixture.with { fixture, browser in
                let key = fixture.keys[.planner] ?? ""
                let before = try await fixture.api("POST", "/plan/reception", key: key, body: Self.planBody)
                let first = try #require((before["centres"] as? [[String: Any]])?.first { ($0["assigned"] as? Int ?? 0) > 0 }?["id"] as? String)
                // Anyone may edit a name in OpenStreetMap.
                let hostile = #"<img src=x onerror="window.cordonMarkup=1">"#
                try await renameBuilding(first, to: hostile, databasePath: fixture.directory.path("bundled.sqlite"))
                let driver = browser.driver
                try await fixture.signIn(browser, as: .planner)
                try await driver.wait(for: "!document.getElementById('planner').hidden", what: "the planner's table")
                try await driver.chooseTime(ConsoleFixture.time)
                try await driver.setCircle(lat: ConsoleFixture.point.lat, lon: ConsoleFixture.point.lon, radius: 200)
                try await driver.click("#plan-make")
                try await driver.wait(for: "document.getElementById('plan-result').dataset.state === 'ready'", timeout: 30, what: "the reception plan")
                // Every centre's tooltip opened, as a pointer over it would.
                _ = try await driver.execute("""
                    for (const path of document.querySelectorAll('.leaflet-plan-pane path.plan-centre')) {
                      path.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                      path.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
                    }
                    document.querySelector('.leaflet-plan-pane path.plan-centre')?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                    """)
                let shown = try await driver.wait(for: "[...document.querySelectorAll('.leaflet-tooltip, #plan-centres td')].map((e) => e.textContent).find((t) => t.includes('<img'))",
                                                  what: "the name as text") as? String ?? ""
                #expect(shown.contains(hostile))
                #expect(try await driver.execute("return window.cordonMarkup === undefined && document.querySelectorAll('.leaflet-tooltip img, #planner img').length === 0;") as? Bool == true)
            }
        }

        @Test func aFirmNeverSeesThePlannersTable() async throws {
            try await ConsoleFixture.with { fixture, browser in
                // A firm's session opens the firm's desk; the planner's table is in the commander's view only.
                try await fixture.signIn(browser, as: .firm, ready: "!document.getElementById('desk').hidden && document.getElementById('sites-summary').dataset.count")
                #expect(try await browser.driver.execute("return document.getElementById('planner').hidden && document.getElementById('app').hidden;") as? Bool == true)
                let requested = try await ConsoleInBrowser.FirmDesk.requested(browser.driver)
                #expect(!requested.contains { $0.hasPrefix("/plan") }, "\(requested)")
                let refused = try await fixture.api("POST", "/plan/reception", key: fixture.keys[.firm] ?? "", body: Self.planBody)
                #expect(refused["status"] as? Int == 403)
            }
        }
    }
}

/// The figures a planner's panel shows, by their API names ("≥ 1,234" read as 1234).
func figuresShown(_ driver: WebDriver, in list: String) async throws -> [String: Int] {
    let value = try await driver.execute("""
        const out = {};
        for (const item of document.querySelectorAll(`#${arguments[0]} [data-total]`)) out[item.dataset.total] = item.querySelector('dd').textContent;
        return out;
        """, [list])
    return (value as? [String: String] ?? [:]).compactMapValues { Int($0.filter(\.isNumber)) }
}

/// What each download link saves, by clicking it as a person would: Chromium (told through
/// its DevTools protocol to save downloads without asking) writes each file under its
/// link's `download` name into a folder of the test's directory.
func downloads(_ driver: WebDriver, _ ids: [String], in directory: TemporaryDirectory) async throws -> [String: URL] {
    let folder = URL(fileURLWithPath: directory.path("downloads-\(UUID().uuidString)"))
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let allowed = try await WebDriver.call(driver.base + "/session/\(driver.session)/goog/cdp/execute", method: "POST", body: [
        "cmd": "Browser.setDownloadBehavior", "params": ["behavior": "allow", "downloadPath": folder.path, "eventsEnabled": false],
    ])
    #expect(allowed["value"] is [String: Any], "\(allowed)")
    var files: [String: URL] = [:]
    for id in ids {
        let name = try #require(try await driver.execute("return document.getElementById(arguments[0]).download || null;", [id]) as? String)
        try await driver.click("#\(id)")
        let file = folder.appendingPathComponent(name)
        // Chromium writes NAME.crdownload and renames it to NAME once the file is complete.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: file.path), Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(FileManager.default.fileExists(atPath: file.path), "\(id): \(name) was not saved")
        files[id] = file
    }
    return files
}

/// CSV files as Python's `csv` module reads them (the reader spreadsheets and scripts use):
/// each must start with the UTF-8 byte-order mark, and every row has as many cells as the
/// header. Returns the header and rows of each, by link id.
func spreadsheetRows(_ files: [String: URL]) throws -> [String: (header: [String], rows: [[String]])] {
    let script = """
        import csv, io, json, sys
        out = {}
        for key, path in zip(sys.argv[1::2], sys.argv[2::2]):
            raw = open(path, 'rb').read()
            rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
            out[key] = {'bom': raw.startswith(b'\\xef\\xbb\\xbf'), 'rows': rows}
        json.dump(out, sys.stdout)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + files.flatMap { [$0.key, $0.value.path] }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let parsed = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
    var tables: [String: (header: [String], rows: [[String]])] = [:]
    for (key, file) in parsed {
        #expect(file["bom"] as? Bool == true, "\(key) does not start with the UTF-8 byte-order mark")
        let rows = file["rows"] as? [[String]] ?? []
        let header = rows.first ?? []
        #expect(!header.isEmpty && rows.allSatisfy { $0.count == header.count }, "\(key): a row with more or fewer cells than its header")
        tables[key] = (header, Array(rows.dropFirst()))
    }
    #expect(tables.count == files.count)
    return tables
}

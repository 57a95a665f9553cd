import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite struct FiguresEndpointTests {
    @Test func etagAndIfMatchKeepControlRoomsFromOverwritingEachOther() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let path = "/buildings/fixture/centre/figures"
            let read = try await server.get(path)
            #expect(read.status == 200)
            #expect(read.headers["Etag"] ?? read.headers["ETag"] == "\"1\"")
            let body = Data(#"{"guards_day": 11}"#.utf8)
            let missing = try await server.request("PATCH", path, body: body, contentType: "application/json")
            #expect(missing.status == 428)
            let first = try await server.request("PATCH", path, body: body, contentType: "application/json", headers: ["If-Match": "\"1\""])
            #expect(first.status == 200)
            #expect(first.headers["Etag"] ?? first.headers["ETag"] == "\"2\"")
            let second = try await server.request("PATCH", path, body: Data(#"{"guards_day": 12}"#.utf8), contentType: "application/json",
                                                  headers: ["If-Match": "\"1\""])
            #expect(second.status == 412)
            let current = try #require(second.json["current"] as? [String: Any])
            #expect(current["version"] as? Int == 2)
            #expect((current["guards_day"] as? [String: Any])?["value"] as? Int == 11)
            let put = try await server.request("PUT", path, body: Data(#"{"guards_day": 1}"#.utf8), contentType: "application/json",
                                               headers: ["If-Match": "\"2\""])
            #expect(put.status == 400)
            #expect((put.json["detail"] as? String)?.hasPrefix("occupancy_day: is missing") == true)
            let confirm = try await server.request("POST", "/buildings/fixture%2Fcentre/figures/confirm", headers: ["If-Match": "\"2\""])
            #expect(confirm.status == 200)
            let figures = try #require(confirm.json["figures"] as? [String: Any])
            #expect((figures["trauma_packs"] as? [String: Any])?["confirmed_by"] as? String == "firm-a")
        }
    }

    @Test func badInputGetsTheRight4xxAndNothingIsWritten() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let before = try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite")))
        let huge = Data(count: 50 * 1024 * 1024)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let path = "/buildings/fixture%2Fcentre/figures"
            let cases: [(String, String, Data, String, [String: String], Int, String)] = [
                ("PATCH", path, Data(#"{"guards_day": "4"}"#.utf8), "application/json", ["If-Match": "\"1\""], 400, "guards_day: is not a whole number (got '4')"),
                ("PATCH", path, Data(#"{"guards_day": -2}"#.utf8), "application/json", ["If-Match": "\"1\""], 400, "guards_day: is out of range (got -2)"),
                ("PATCH", path, Data(#"{"occupancy_day": 99999999999}"#.utf8), "application/json", ["If-Match": "\"1\""], 400, "occupancy_day: is out of range"),
                ("PATCH", path, Data(#"{"guards_day": 2, "colour": "red"}"#.utf8), "application/json", ["If-Match": "\"1\""], 400, "colour: is not a figure"),
                ("PATCH", path, Data(#"{"guards_day": 2"#.utf8), "application/json", ["If-Match": "\"1\""], 400, "body: is not valid JSON"),
                ("PATCH", path, Data(#"{"guards_day": 2}"#.utf8), "text/plain", ["If-Match": "\"1\""], 415, "Content-Type 'text/plain' is not accepted"),
                ("PATCH", path, Data(#"{"guards_day": 2}"#.utf8), "application/json", ["If-Match": "yesterday"], 400, "If-Match: 'yesterday' is not a figures ETag"),
                ("PATCH", path, huge, "application/json", ["If-Match": "\"1\""], 413, "over the limit"),
                ("POST", "/figures/bulk", huge, "text/csv", [:], 413, "over the limit"),
                ("PUT", "/buildings/fixture%2Fcentre/site", Data(#"{"email": "x'); DROP TABLE buildings; --"}"#.utf8), "application/json", [:], 400, "email: is not an email address"),
                ("PUT", "/buildings/fixture%2Fcentre/site", Data(#"{"max_occupancy": "lots"}"#.utf8), "application/json", [:], 400, "max_occupancy: has the wrong type"),
                ("PATCH", "/buildings/way%2F1'%20OR%20'1'='1/figures", Data(#"{"guards_day": 2}"#.utf8), "application/json", ["If-Match": "\"1\""], 404, "no building with id 'way/1' OR '1'='1'"),
                ("POST", "/figures/bulk", Data("building_id,guards_day\nfixture/centre,1,1\n".utf8), "text/csv", [:], 422, "The upload was refused and nothing was written"),
            ]
            for (method, target, body, contentType, headers, status, detail) in cases {
                let reply = try await server.request(method, target, body: body, contentType: contentType, headers: headers)
                #expect(reply.status == status, "\(method) \(target) \(String(decoding: body.prefix(40), as: UTF8.self)): \(reply.text.prefix(200))")
                #expect((reply.json["detail"] as? String)?.contains(detail) == true, "\(method) \(target): \(reply.text.prefix(300))")
            }
        }
        #expect(try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite"))) == before)
    }

    @Test func lookupsMarkStaleFiguresAndCountThemInTotals() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            // The fixture's figures were confirmed on 2026-01-01: all long stale by now.
            let centre = GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing)
            let reply = try await server.get("/lookup/radius?lat=\(centre.latitude)&lon=\(centre.longitude)&radius=100")
            let totals = try #require(reply.json["totals"] as? [String: Any])
            #expect(totals["stale_figures"] as? Int == 18)
            let properties = (reply.json["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any]
            #expect(properties?["occupancy_stale"] as? Bool == true)
            #expect(properties?["trauma_packs_stale"] as? Bool == true)
            let stale = try await server.get("/reports/stale")
            let buildings = try #require(stale.json["buildings"] as? [[String: Any]])
            #expect(buildings.map { $0["building_id"] as? String } == ["fixture/centre", "fixture/half-in", "fixture/at-radius", "fixture/half-out"])
        }
        // A confirmation makes a building fresh again.
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            #expect(try await server.request("POST", "/buildings/fixture/centre/figures/confirm", headers: ["If-Match": "\"1\""]).status == 200)
            let mine = try await server.get("/reports/stale")
            #expect((mine.json["buildings"] as? [[String: Any]])?.map { $0["building_id"] as? String } == ["fixture/half-in"])
            #expect(try await server.get("/reports/stale?organisation=firm-b").status == 403)
        }
    }

    @Test func eightWritersLoseNoUpdateAndNoBusyErrorReachesAClient() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let buildings = ["fixture/centre", "fixture/half-in"]
        let writers = 8, updates = Int(ProcessInfo.processInfo.environment["CORDON_CONCURRENCY_UPDATES"] ?? "500") ?? 500
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var seen: [Int] = []
                        var done = 0
                        while done < updates {
                            let id = buildings[(writer + done) % buildings.count].replacingOccurrences(of: "/", with: "%2F")
                            let read = try await server.get("/buildings/\(id)/figures")
                            seen.append(read.status)
                            let figures = read.json["figures"] as? [String: Any]
                            // occupancy_night's bound (50,000) leaves room for all 4,000 increments.
                            let people = (figures?["occupancy_night"] as? [String: Any])?["value"] as? Int ?? 0
                            let version = figures?["version"] as? Int ?? 0
                            let write = try await server.request("PATCH", "/buildings/\(id)/figures",
                                                                 body: Data("{\"occupancy_night\": \(people + 1)}".utf8),
                                                                 contentType: "application/json", headers: ["If-Match": "\"\(version)\""])
                            seen.append(write.status)
                            if write.status == 200 { done += 1 }
                            // Anything but success or a lost race is a failure: stop rather than retry forever.
                            if write.status != 200 && write.status != 412 || read.status != 200 { return seen }
                        }
                        return seen
                    }
                }
                group.addTask {
                    var seen: [Int] = []
                    let centre = GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing)
                    for _ in 0..<400 {
                        let reply = try await server.request("GET", "/lookup/radius?lat=\(centre.latitude)&lon=\(centre.longitude)&radius=150&totals_only=true",
                                                             key: .some(access.commander))
                        seen.append(reply.status)
                    }
                    return seen
                }
                var all: [Int] = []
                for try await statuses in group { all += statuses }
                return all
            }
            #expect(Set(statuses).isSubset(of: [200, 412]), "\(Set(statuses))")
        }
        // Each success added exactly one person at night: the final counts and the history agree.
        let local = Actor.localOperator(user: "test")
        var total = 0
        for id in buildings {
            let figures = try #require(try await registry.figures(of: id, actor: local))
            let initial = GridFixture.figures[id]?[.occupancyNight] ?? 0
            let added = figures.value(.occupancyNight) - initial
            total += added
            #expect(figures.version == 1 + added)
            let history = try await registry.history(of: id, actor: local, limit: 10_000).filter { $0.figure == "occupancy_night" && $0.changedBy == "firm-a" }
            #expect(history.count == added)
            #expect(history.allSatisfy { $0.newValue == ($0.oldValue ?? -1) + 1 })
        }
        #expect(total == writers * updates)
        #expect(try await registry.verifyAudit().findings == [])
    }
}

import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests built to cost the server a lot: refused early, or run within slots and deadlines
/// of their own, while ordinary lookups keep being answered.
@Suite struct ResourceLimitTests {
    /// The bundled data with a planner's key.
    private func planner(in directory: TemporaryDirectory) async throws -> (Registry, String) {
        let registry = try await bundledRegistry(in: directory)
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "resilience", name: "Resilience", role: .planner, actor: local)
        return (registry, try await registry.createKey(for: "resilience", expiresAt: nil, actor: local).secret)
    }

    @Test func deeplyNestedJSONIsRefusedAtOnce() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let arrays = Data((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)
            let objects = Data((String(repeating: "{\"a\":", count: 512) + "1" + String(repeating: "}", count: 512)).utf8)
            for body in [arrays, objects] {
                let reply = try await server.post("/plan/reception", body, contentType: "application/json")
                #expect(reply.status == 400, "\(reply.text)")
                #expect(reply.json["parameter"] as? String == "body")
                #expect((reply.json["detail"] as? String)?.contains("nested too deeply") == true, "\(reply.text)")
                #expect((reply.json["detail"] as? String)?.contains("at most 64 levels") == true)
            }
            let polygon = try await server.post("/lookup/polygon", objects)
            #expect(polygon.status == 400)
            #expect(polygon.json["parameter"] as? String == "polygon")
            // Brackets inside strings are text, not nesting.
            let quoted = Data(#"{"cordon": {"type": "radius", "lat": 51.5144, "lon": -0.0803, "radius_m": 100}, "note": "\#(String(repeating: "[{", count: 200))"}"#.utf8)
            let plan = try await server.post("/plan/reception", quoted, contentType: "application/json")
            #expect(plan.status != 400 || !(plan.text.contains("nested")), "\(plan.text.prefix(200))")
        }
    }

    @Test func polygonsAreBoundedByPositionsAreaAndWork() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        func circle(centre: (Double, Double), radiusDegrees: Double, positions: Int) -> Data {
            var ring: [String] = []
            for i in 0..<positions {
                let angle = 2 * Double.pi * Double(i) / Double(positions)
                ring.append("[\(centre.0 + radiusDegrees * 1.6 * cos(angle)),\(centre.1 + radiusDegrees * sin(angle))]")
            }
            ring.append(ring[0])
            return Data(#"{"type":"Polygon","coordinates":[[\#(ring.joined(separator: ","))]]}"#.utf8)
        }
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let tooMany = try await server.post("/lookup/polygon", circle(centre: (-0.09, 51.515), radiusDegrees: 0.002, positions: 12_000))
            #expect(tooMany.status == 400, "\(tooMany.text.prefix(300))")
            #expect(tooMany.json["parameter"] as? String == "polygon")
            // Counted before decoding: a bracket per position, and one per ring and polygon.
            #expect((tooMany.json["detail"] as? String)?.contains("got about 12003 positions") == true, "\(tooMany.text.prefix(300))")
            #expect((tooMany.json["detail"] as? String)?.contains("at most 10000 positions") == true)
            let justOver = try await server.post("/lookup/polygon", circle(centre: (-0.09, 51.515), radiusDegrees: 0.002, positions: 10_500))
            #expect(justOver.status == 400)
            #expect((justOver.json["detail"] as? String)?.contains("got 10501 positions") == true, "\(justOver.text.prefix(300))")

            // About 0.2 degrees of latitude across: far more than 78.54 km².
            let tooLarge = try await server.post("/lookup/polygon", circle(centre: (-0.09, 51.515), radiusDegrees: 0.1, positions: 40))
            #expect(tooLarge.status == 400, "\(tooLarge.text.prefix(300))")
            #expect((tooLarge.json["detail"] as? String)?.contains("at most 78.54 km²") == true, "\(tooLarge.text.prefix(300))")

            // 9,000 positions over about 30 km² is too detailed for its size.
            let detailed = try await server.post("/lookup/polygon", circle(centre: (-0.09, 51.515), radiusDegrees: 0.028, positions: 9_000))
            #expect(detailed.status == 400, "\(detailed.text.prefix(300))")
            #expect((detailed.json["detail"] as? String)?.contains("too detailed for its size") == true, "\(detailed.text.prefix(300))")

            // A drawn cordon of a few hundred positions over the City is answered.
            let drawn = try await server.post("/lookup/polygon?totals_only=true", circle(centre: (-0.09, 51.515), radiusDegrees: 0.002, positions: 400))
            #expect(drawn.status == 200, "\(drawn.text.prefix(300))")
        }
    }

    @Test func coverageRefusesHugeProductsNamingTheFinestSpacing() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        // A deadline so short that an accepted grid is stopped at once: what is checked here is
        // which spacings pass the budget, not the grids themselves.
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            $0.costLimits = CostLimits(slots: 2, queueWait: .seconds(2), deadline: .milliseconds(300), largeRadius: 1_000)
        }) { server in
            let reply = try await server.get("/plan/coverage?radius=5000&spacing=10&walk=10000")
            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.json["parameter"] as? String == "spacing")
            let detail = try #require(reply.json["detail"] as? String)
            #expect(detail.contains("a radius of 5000 m and a walk of 10000 m"), "\(detail)")
            #expect(detail.contains("give a spacing of at least 61 m"), "\(detail)")
            // The named spacing is accepted (and then stopped by the deadline), one metre finer is not.
            let allowed = try await server.get("/plan/coverage?radius=5000&spacing=61&walk=10000")
            #expect(allowed.status == 503, "\(allowed.text.prefix(300))")
            #expect((allowed.json["detail"] as? String)?.contains("was stopped after 0.3 s") == true)
            let finer = try await server.get("/plan/coverage?radius=5000&spacing=60&walk=10000")
            #expect(finer.status == 400)
            // The default request is well inside the budget.
            #expect(try await server.get("/plan/coverage?radius=200").status == 503)
        }
    }

    @Test func costlyRequestsWaitForSlotsAndStopAtTheirDeadline() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            $0.costLimits = CostLimits(slots: 1, queueWait: .milliseconds(100), deadline: .milliseconds(400), largeRadius: 1_000)
        }) { server in
            // The default grid takes seconds, longer than the deadline: stopped, and said so.
            let slow = "/plan/coverage?radius=200&spacing=50&walk=1000"
            let stopped = try await server.get(slow)
            #expect(stopped.status == 503, "\(stopped.text.prefix(300))")
            #expect((stopped.json["detail"] as? String)?.contains("The coverage grid was stopped after 0.4 s") == true, "\(stopped.text)")

            // Three at once with one slot: at least one is told the server is busy.
            let replies = try await withThrowingTaskGroup(of: LiveServer.Reply.self) { group in
                for _ in 0..<3 { group.addTask { try await server.get(slow) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let busy = replies.filter { $0.status == 503 && ($0.json["detail"] as? String)?.contains("The server is busy") == true }
            #expect(!busy.isEmpty, "\(replies.map(\.status))")
            #expect(busy.allSatisfy { $0.headers["Retry-After"] == "1" || $0.headers["retry-after"] == "1" })
            // Lookups are never held up by them.
            let lookup = try await server.get("/lookup/radius?lat=51.5144&lon=-0.0803&radius=200&totals_only=true")
            #expect(lookup.status == 200)
        }
    }

    @Test func lookupsAndHealthAreAnsweredWhileCoverageFloods() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            $0.costLimits = CostLimits(slots: 2, queueWait: .seconds(2), deadline: .seconds(3), largeRadius: 1_000)
        }) { server in
            let flood = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 { group.addTask { try await server.get("/plan/coverage?radius=200&spacing=50&walk=100").status } }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<5 {
                #expect(try await server.get("/healthz").status == 200)
                #expect(try await server.get("/lookup/radius?lat=51.5144&lon=-0.0803&radius=200").status == 200)
                #expect(try await server.post("/lookup/polygon?totals_only=true", Data(#"{"type":"Polygon","coordinates":[[[-0.081,51.514],[-0.079,51.514],[-0.079,51.515],[-0.081,51.515],[-0.081,51.514]]]}"#.utf8)).status != 500)
            }
            let statuses = try await flood.value
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        }
    }

    @Test func aClientThatGoesAwayFreesItsSlot() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            // The next request may wait 6 s for the slot: enough for a loaded machine to notice the
            // closed connection, and still far less than the 13 s or more the abandoned grid would run.
            $0.costLimits = CostLimits(slots: 1, queueWait: .seconds(6), deadline: .seconds(60), largeRadius: 1_000)
        }) { server in
            // A client that gives up after 0.3 s on work that would take far longer.
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 0.3
            let impatient = URLSession(configuration: configuration)
            var request = URLRequest(url: URL(string: server.base + "/plan/coverage?radius=200&spacing=50&walk=1000")!)
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            await #expect(throws: (any Error).self) { _ = try await impatient.data(for: request) }
            // Its work was stopped: the one slot is free again well before it would have finished.
            let next = try await server.get("/plan/coverage?radius=200&spacing=200")
            #expect(next.status == 200, "\(next.text.prefix(300))")
        }
    }

    @Test func eachKeyIsRateLimitedWithRetryAfter() async throws {
        let directory = try TemporaryDirectory()
        let (registry, key) = try await planner(in: directory)
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "police", name: "Police", role: .commander, actor: local)
        let other = try await registry.createKey(for: "police", expiresAt: nil, actor: local).secret
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            // Refilled so slowly that a loaded test machine cannot earn a token back in time.
            $0.rateLimit = RateLimit(perSecond: 0.01, burst: 3)
        }) { server in
            let started = ContinuousClock.now
            for _ in 0..<3 { #expect(try await server.get("/cordon-presets").status == 200) }
            let limited = try await server.get("/cordon-presets")
            #expect(limited.status == 429)
            // A token takes 100 s to earn back, less what was earned while the burst was sent
            // (seconds on a loaded machine): the wait is derived, not timed.
            let elapsed = Int((ContinuousClock.now - started).components.seconds) + 1
            let retry = Int(limited.headers["Retry-After"] ?? limited.headers["retry-after"] ?? "") ?? 0
            #expect(retry >= 100 - elapsed - 1 && retry <= 100, "\(limited.headers) after \(elapsed) s")
            #expect((limited.json["detail"] as? String)?.contains("at most 0.01 a second (bursts of 3)") == true, "\(limited.text)")
            // Another key has its own allowance.
            #expect(try await server.request("GET", "/cordon-presets", key: other).status == 200)
            // /healthz needs no key and is never limited.
            for _ in 0..<5 { #expect(try await server.request("GET", "/healthz", key: .some(nil)).status == 200) }
        }
    }

    @Test func linksNeverFollowTheHostHeader() async throws {
        let directory = try TemporaryDirectory()
        let (_, key) = try await planner(in: directory)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let reply = try await server.request("GET", "/collections/buildings/items?limit=2", headers: ["Host": "evil.example"])
            #expect(reply.status == 200)
            #expect(!reply.text.contains("evil.example"))
            #expect(reply.text.contains("http://127.0.0.1:\(server.port)/collections/buildings/items?limit=2&offset=2"))
        }
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            $0.publicURL = "https://cordon.example.org/"
        }) { server in
            let reply = try await server.request("GET", "/", headers: ["Host": "evil.example"])
            #expect(!reply.text.contains("evil.example"))
            #expect(reply.text.contains("https://cordon.example.org/openapi.json"))
        }
    }
}

import Foundation
import GRDB

extension Registry {
    public static let defaultWalkingDistance = 1_000.0

    /// Plans survivor reception for `cordon` at `instant` (day or night occupancy).
    /// Centres are buildings with reception capacity outside the cordon and outside `outer`
    /// when given; those within `walkingDistance` of the cordon's edge receive people.
    public func receptionPlan(for cordon: PlanCordon, outer: PlanCordon? = nil, walkingDistance: Double = defaultWalkingDistance,
                              at instant: Date = Date()) async throws -> ReceptionPlan {
        guard walkingDistance.isFinite, walkingDistance > 0, walkingDistance <= 10_000 else {
            throw InputError(field: "walk_m", value: JSONText.number(walkingDistance), problem: "is out of range",
                             fix: "Give a walking distance in metres, greater than 0 and at most 10000.")
        }
        let period = dayWindow.period(at: instant)
        let (inside, cordonWKT) = try await buildings(in: cordon)
        var outerIDs: [String] = []
        if let outer { outerIDs = try await buildings(in: outer).matches.map(\.id) }
        let excluded = Array(Set(inside.map(\.id) + outerIDs)).sorted()
        let radius: RadiusQuery? = if case .radius(let query) = cordon { query } else { nil }
        let transformer = CoordinateTransformer.shared

        let (centroids, centreGrids, coverage) = try await database.read { db in
            let ids = "[" + inside.map { JSONText.quoted($0.id) }.joined(separator: ",") + "]"
            var centroids: [String: GridPoint] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: Query.planCentroids.sql), arguments: ["ids": ids]) {
                centroids[row["id"]] = GridPoint(easting: row["x"], northing: row["y"])
            }
            let rows = try Row.fetchAll(db.cachedStatement(sql: Query.planCentres.sql), arguments: [
                "excluded": "[" + excluded.map(JSONText.quoted).joined(separator: ",") + "]",
                "radius": radius?.radius, "x": radius?.grid.easting, "y": radius?.grid.northing, "cordon_wkt": cordonWKT,
            ])
            let centres = rows.map { row -> (ReceptionPlan.Centre, GridPoint) in
                let grid = GridPoint(easting: row["x"], northing: row["y"])
                let figures = row.siteFigures
                return (ReceptionPlan.Centre(
                    id: row["id"], name: row["name"], address: row["address"], label: row["label"], distanceFromCordon: row["edge_distance_m"],
                    capacity: figures?.value(.receptionCapacity) ?? 0, guards: figures?.guards(period)?.value ?? 0,
                    traumaPacks: figures?.value(.traumaPacks) ?? 0, firstAidKits: figures?.value(.firstAidKits) ?? 0,
                    demonstration: figures?.demonstration ?? false,
                    centroid: transformer.toGeo(grid) ?? GeoPosition(longitude: 0, latitude: 0)), grid)
            }
            return (centroids, centres, try Self.coverage(of: cordon, wkt: cordonWKT, in: db))
        }

        let displaced = inside.map { match in
            let grid = centroids[match.id] ?? GridPoint(easting: 0, northing: 0)
            return ReceptionPlan.Displaced(
                id: match.id, name: match.name, label: match.label, people: match.figures?.occupancy(period)?.value ?? 0,
                figuresReported: match.figures != nil,
                centroid: transformer.toGeo(grid) ?? GeoPosition(longitude: 0, latitude: 0))
        }
        var grids: [String: GridPoint] = centroids
        for (centre, grid) in centreGrids { grids[centre.id] = grid }
        let allCentres = centreGrids.map(\.0)
        var centres = allCentres.filter { $0.distanceFromCordon <= walkingDistance }
        let beyond = allCentres.filter { $0.distanceFromCordon > walkingDistance }

        // The transportation problem, solved exactly: origins are the buildings with people,
        // centres their capacities, costs the straight-line distances between centroids.
        let origins = displaced.filter { $0.people > 0 }
        let problem = TransportationProblem(
            origins: origins.map { TransportationProblem.Origin(id: $0.id, people: $0.people) },
            centres: centres.map { TransportationProblem.Centre(id: $0.id, capacity: $0.capacity) },
            distance: { origin, centre in
                guard let from = grids[origins[origin].id], let to = grids[centres[centre].id] else { return nil }
                return ((from.easting - to.easting) * (from.easting - to.easting)
                        + (from.northing - to.northing) * (from.northing - to.northing)).squareRoot()
            })
        let solution = problem.solve()
        var index: [String: Int] = [:]
        for (position, centre) in centres.enumerated() { index[centre.id] = position }
        for flow in solution.flows {
            guard let position = index[flow.centre] else { continue }
            centres[position].arrivals.append(ReceptionPlan.Arrival(buildingID: flow.origin, people: flow.people, distance: flow.distance))
        }
        let shortfall = solution.unassigned.values.reduce(0, +)
        var further: [ReceptionPlan.Centre] = []
        var covered = 0
        for centre in beyond where covered < shortfall {
            further.append(centre)
            covered += centre.capacity
        }
        return ReceptionPlan(cordon: cordon, at: instant, period: period, walkingDistance: walkingDistance,
                             displaced: displaced, centres: centres, further: further, assigned: solution.assigned,
                             shortfall: shortfall, personMetres: solution.totalPersonMetres, coverage: coverage)
    }
}

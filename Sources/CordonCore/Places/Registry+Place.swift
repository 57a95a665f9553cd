import GRDB

extension Registry {
    /// Candidates listed when a place is ambiguous.
    public static let placeCandidatesShown = 10
    /// How far beyond the registry's buildings a grid reference may lie: a cordon there
    /// would still reach them.
    static let gridReferenceMargin = 5_000.0

    /// The one point a place names: a grid reference ("TQ 33238 81305", "533238,181305"),
    /// else the building a search finds. A search finding several buildings is refused with
    /// them listed (`AmbiguousPlace`) unless exactly one of them is named exactly so (its
    /// name, address, label or id).
    public func resolvePlace(_ text: String, field: String = "place") async throws -> ResolvedPlace {
        try TextInput.checked(text, field: field)
        if let point = try GridReference.parse(text, field: field) {
            try await refuseOutsideData(point, text: text, field: field)
            guard let position = CoordinateTransformer.shared.toGeo(point) else {
                throw InputError(field: field, value: "'\(text)'", problem: "cannot be placed on the British National Grid",
                                 fix: "Give a grid reference in Great Britain, e.g. TQ 33238 81305.")
            }
            return ResolvedPlace(given: text, building: nil, position: position, grid: point)
        }
        let words = try Self.searchWords(text, field: field)
        let found = try await searchAll(words, text: text)
        let canonical = PlaceText.canonical(text)
        let exact = found.filter { Self.isExact($0, canonical, text) }
        let chosen: PlaceCandidate
        if exact.count == 1 {
            chosen = exact[0]
        } else if exact.isEmpty, found.count == 1 {
            chosen = found[0]
        } else if found.isEmpty {
            throw InputError(field: field, value: "'\(text)'", problem: "names no building the registry holds",
                             fix: "Search with GET /search?q= (or cordon find), or give a grid reference such as TQ 33238 81305 or lat and lon.")
        } else {
            let pool = exact.isEmpty ? found : exact
            throw AmbiguousPlace(field: field, given: text, candidates: Array(pool.prefix(Self.placeCandidatesShown)),
                                 more: pool.count > Self.placeCandidatesShown)
        }
        return ResolvedPlace(given: text, building: chosen, position: chosen.position, grid: chosen.grid)
    }

    private func refuseOutsideData(_ point: GridPoint, text: String, field: String) async throws {
        let extent = try await database.read { db -> [Double]? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.placesExtent.sql)),
                  let minX: Double = row["min_x"], let minY: Double = row["min_y"],
                  let maxX: Double = row["max_x"], let maxY: Double = row["max_y"] else { return nil }
            return [minX, minY, maxX, maxY]
        }
        guard let extent else {
            throw InputError(field: field, value: "'\(text)'", problem: "cannot be looked up: the registry holds no buildings",
                             fix: "Import buildings first (cordon import).")
        }
        let (minX, minY, maxX, maxY) = (extent[0], extent[1], extent[2], extent[3])
        let margin = Self.gridReferenceMargin
        guard point.easting >= minX - margin, point.easting <= maxX + margin,
              point.northing >= minY - margin, point.northing <= maxY + margin else {
            throw InputError(field: field, value: "'\(text)' (E \(Int(point.easting)), N \(Int(point.northing)))",
                             problem: "lies where the registry has no building data: its buildings span "
                                 + "\(GridReference.text(GridPoint(easting: minX, northing: minY))) to "
                                 + "\(GridReference.text(GridPoint(easting: maxX, northing: maxY)))",
                             fix: "Check the square's letters and the digits: the City of London lies in square TQ, e.g. TQ 33238 81305.")
        }
    }
}

extension Registry {
    /// A radius lookup's circle from coordinates or from a place, with the place resolved:
    /// exactly one of the two must be given.
    public func radiusQuery(latitude: String?, longitude: String?, place: String?, radius: String?,
                            placeField: String = "place") async throws -> (RadiusQuery, ResolvedPlace?) {
        guard let place else {
            return (try RadiusQuery.parse(latitude: latitude, longitude: longitude, radius: radius), nil)
        }
        guard latitude == nil, longitude == nil else {
            throw InputError(field: placeField, value: "'\(place)' with lat/lon", problem: "is given together with coordinates",
                             fix: "Give either \(placeField) or lat and lon, not both.")
        }
        // The radius is checked first: a bad radius needs no search to be refused.
        let metres = try RadiusQuery.number(radius, field: "radius", example: "200")
        _ = try RadiusQuery(latitude: 51.5, longitude: -0.09, radius: metres)
        let resolved = try await resolvePlace(place, field: placeField)
        let query = try RadiusQuery(latitude: resolved.position.latitude, longitude: resolved.position.longitude, radius: metres)
        return (query, resolved)
    }
}

extension Registry {
    /// A request body whose point members may name a place instead of coordinates:
    /// `{"place": "30 St Mary Axe"}` in each object at `paths` (e.g. "location", "cordon")
    /// becomes `{"lat", "lon"}` of that place, so that the parsers downstream see coordinates
    /// only. With `describing`, a missing `description` becomes the place's label.
    public func resolvingPlaces(in body: JSONValue, at paths: [String], describing: Set<String> = []) async throws -> JSONValue {
        guard case .object(var members) = body else { return body }
        for path in paths {
            guard case .object(var member)? = members[path], let place = member["place"] else { continue }
            let field = "\(path).place"
            guard case .string(let text) = place else {
                throw InputError(field: field, value: place.text ?? place.typeName, problem: "is not text",
                                 fix: "Give a building's name, address or id, or a grid reference, e.g. \"place\": \"30 St Mary Axe\".")
            }
            guard member["lat"] == nil, member["lon"] == nil else {
                throw InputError(field: field, value: "'\(text)' with lat/lon", problem: "is given together with coordinates",
                                 fix: "Give either place or lat and lon, not both.")
            }
            let resolved = try await resolvePlace(text, field: field)
            member["place"] = nil
            member["lat"] = .number(resolved.position.latitude)
            member["lon"] = .number(resolved.position.longitude)
            if describing.contains(path), member["description"] == nil { member["description"] = .string(resolved.description) }
            members[path] = .object(member)
        }
        return .object(members)
    }
}

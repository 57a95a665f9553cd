import Foundation
import GRDB

/// Bounds on a place search, checked before the index is touched.
public enum PlaceSearchLimits {
    public static let maximumLength = 200
    public static let maximumWords = 12
    public static let defaultResults = 10
    public static let maximumResults = 50
    /// Rows read from the index before exact names are put first: enough that an exact name
    /// is never cut off by buildings that merely share its words.
    static let scanned = 200
}

extension Registry {
    /// Buildings whose name, address, postcode, ward or id hold every word of `text` (each
    /// word as a prefix; case, accents and "St"/"Street" do not matter), best first: exact
    /// names, addresses and ids before the rest, then by relevance, then by id.
    public func search(_ text: String, limit: Int = PlaceSearchLimits.defaultResults, field: String = "q") async throws -> [PlaceCandidate] {
        let words = try Self.searchWords(text, field: field)
        guard (1...PlaceSearchLimits.maximumResults).contains(limit) else {
            throw InputError(field: "limit", value: "\(limit)", problem: "is out of range",
                             fix: "Give a limit from 1 to \(PlaceSearchLimits.maximumResults).")
        }
        let found = try await searchAll(words, text: text)
        return Array(found.prefix(limit))
    }

    /// The words of a search, or an error naming what is wrong with the text.
    static func searchWords(_ text: String, field: String) throws(InputError) -> [String] {
        try TextInput.checked(text, field: field)
        guard text.count <= PlaceSearchLimits.maximumLength else {
            throw InputError(field: field, value: "'\(text)'", problem: "is longer than \(PlaceSearchLimits.maximumLength) characters",
                             fix: "Give a building's name, address, postcode, ward or id in fewer words.")
        }
        let words = PlaceText.words(text)
        guard !words.isEmpty else {
            throw InputError(field: field, value: "'\(text)'", problem: "has no letters or digits to search for",
                             fix: "Give a building's name, address, postcode, ward or id, e.g. 30 St Mary Axe or EC3A 8EP.")
        }
        guard words.count <= PlaceSearchLimits.maximumWords else {
            throw InputError(field: field, value: "'\(text)'", problem: "has \(words.count) words, more than \(PlaceSearchLimits.maximumWords)",
                             fix: "Give fewer words: a name, an address or a postcode is enough.")
        }
        return words
    }

    /// Every match up to the scan bound, exact ones first.
    func searchAll(_ words: [String], text: String) async throws -> [PlaceCandidate] {
        let match = PlaceText.matchExpression(words)
        let rows = try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.placeSearch.sql),
                             arguments: ["match": match, "limit": PlaceSearchLimits.scanned])
                .map(Self.candidate(_:))
        }
        let wanted = PlaceText.canonical(text)
        // A stable partition: buildings named exactly so keep their relevance order among
        // themselves. Addresses do not promote: a street name alone ("St Mary Axe") would
        // put every building with no more than that address before the tower called 30 St
        // Mary Axe.
        let named = { (candidate: PlaceCandidate) in Self.isExact(candidate, wanted, text, addresses: false) }
        return rows.filter(named) + rows.filter { !named($0) }
    }

    /// Whether a candidate is called exactly `text`: its id, its name, or (with `addresses`)
    /// its address or label, compared in canonical form.
    static func isExact(_ candidate: PlaceCandidate, _ canonical: String, _ text: String, addresses: Bool = true) -> Bool {
        let names = addresses ? [candidate.name, candidate.address, candidate.label] : [candidate.name]
        return candidate.id.lowercased() == text.trimmingCharacters(in: .whitespaces).lowercased()
            || names.contains { $0.map(PlaceText.canonical) == canonical }
    }

    private static func candidate(_ row: Row) -> PlaceCandidate {
        PlaceCandidate(id: row["id"], label: row["label"], name: row["name"], address: row["address"],
                       postcode: row["postcode"], ward: row["ward"],
                       position: GeoPosition(longitude: row["lon"], latitude: row["lat"]),
                       grid: GridPoint(easting: row["easting"], northing: row["northing"]))
    }
}

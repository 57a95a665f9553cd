/// The parts of a building's lookup output that need escaping and never change with the
/// lookup: its id and details as JSON text. The in-memory radius index renders them once per
/// building (small beside the footprint, which is copied as stored); other lookups render
/// them as they go.
final class BuildingText: Sendable {
    /// The id as a JSON string literal.
    let quotedID: String
    /// `"label":…,"name":…,"address":…,"postcode":…,"ward":…`
    let details: String

    init(_ match: BuildingMatch) {
        quotedID = JSONText.quoted(match.id)
        var details = "\"label\":"
        JSONText.appendOptional(match.label, to: &details)
        details += ",\"name\":"
        JSONText.appendOptional(match.name, to: &details)
        details += ",\"address\":"
        JSONText.appendOptional(match.address, to: &details)
        details += ",\"postcode\":"
        JSONText.appendOptional(match.postcode, to: &details)
        details += ",\"ward\":"
        JSONText.appendOptional(match.ward, to: &details)
        self.details = details
    }
}

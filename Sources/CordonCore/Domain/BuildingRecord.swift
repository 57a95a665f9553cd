/// Everything the registry holds about one building.
public struct BuildingRecord: Sendable, Equatable {
    public let id: String
    public let name: String?
    /// What to call the building: its name, else its address, else a description from its
    /// surroundings (see `BuildingLabeller`).
    public let label: String
    public let address: String?
    public let postcode: String?
    public let ward: String?
    public let buildingType: String?
    public let levels: Double?
    public let height: Double?
    public let footprintArea: Double
    public let sourceDataset: String
    public let sourceDate: String?
    public let importedAt: String
    public let footprintGeoJSON: String
    public let figures: SiteFigures?
}

import Foundation

/// One GeoJSON feature as read from an import file, with where it came from.
public struct SourceFeature: Sendable {
    /// "city.geojson features[12]" or "sites.ndjson line 4".
    public let location: String
    /// Zero-based position among all features of the import.
    public let index: Int
    /// The dataset name used when a feature has no `source_dataset` property (the file's name).
    public let dataset: String
    /// The parsed feature, or why it could not be parsed.
    public let json: Result<JSONValue, ImportRejection.Reason>

    public init(location: String, index: Int, dataset: String, json: Result<JSONValue, ImportRejection.Reason>) {
        self.location = location
        self.index = index
        self.dataset = dataset
        self.json = json
    }
}

/// Reads GeoJSON FeatureCollections, single Features, or GeoJSON sequences held in memory.
public enum FeatureSource {
    public static func read(_ data: Data, name: String, startIndex: Int = 0) -> [SourceFeature] {
        var features: [SourceFeature] = []
        // Reading from memory cannot fail.
        _ = try? GeoJSONInput(data: data, name: name).forEach(startIndex: startIndex) { feature, _ in
            features.append(feature)
        }
        return features
    }
}

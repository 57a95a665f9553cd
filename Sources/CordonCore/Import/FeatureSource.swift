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

/// Reads GeoJSON FeatureCollections, single Features, or newline-delimited features.
public enum FeatureSource {
    public static func read(_ data: Data, name: String, startIndex: Int = 0) -> [SourceFeature] {
        let dataset = (name as NSString).deletingPathExtension
        if let whole = try? JSONValue.parse(data) {
            switch whole["type"]?.string {
            case "FeatureCollection":
                let features = whole["features"]?.array ?? []
                return features.enumerated().map { offset, feature in
                    SourceFeature(location: "\(name) features[\(offset)]", index: startIndex + offset, dataset: dataset, json: .success(feature))
                }
            default:
                return [SourceFeature(location: "\(name) feature", index: startIndex, dataset: dataset, json: .success(whole))]
            }
        }
        // Newline-delimited GeoJSON: one feature per non-empty line.
        var features: [SourceFeature] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let trimmed = line.filter { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if trimmed.isEmpty { continue }
            let location = "\(name) line \(offset + 1)"
            let index = startIndex + features.count
            if let value = try? JSONValue.parse(Data(line)) {
                features.append(SourceFeature(location: location, index: index, dataset: dataset, json: .success(value)))
            } else {
                features.append(SourceFeature(location: location, index: index, dataset: dataset, json: .failure(.notJSON)))
            }
        }
        return features
    }
}

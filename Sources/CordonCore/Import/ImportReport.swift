/// A feature the import refused, and why.
public struct ImportRejection: Sendable, Equatable {
    public enum Reason: Error, Sendable, Equatable {
        case notJSON
        case notFeature
        case missingID
        case duplicateID(String, firstAt: String)
        case geometry(GeometryProblem)
        case unrepairable

        public var text: String {
            switch self {
            case .notJSON: "is not valid JSON"
            case .notFeature: "is not a GeoJSON Feature"
            case .missingID: "has no id (neither an \"id\" member nor osm_type and osm_id properties)"
            case .duplicateID(let id, let firstAt): "duplicate id \(id) (first at \(firstAt))"
            case .geometry(let problem): "geometry " + problem.message
            case .unrepairable: "footprint is invalid and nothing polygonal is left after repair"
            }
        }
    }

    public let location: String
    public let index: Int
    public let id: String?
    public let reason: Reason

    public var description: String {
        "\(location)\(id.map { " (\($0))" } ?? ""): \(reason.text)"
    }
}

/// What an import did. Nothing is written when `rejected` is non-empty under --strict.
public struct ImportReport: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Footprints that were invalid (self-intersecting) and were repaired with MakeValid.
    public var repaired: [String] = []
    public var rejected: [ImportRejection] = []
    /// Current buildings a refresh did not find in its source, now retired (sorted ids).
    public var retired: [String] = []
    /// Features read from the input, used or not.
    public var read = 0
    public var figuresAdded = 0
    public var referenceAreas = 0
    public var written = true

    public init() {}

    public var summary: String {
        "added \(added), updated \(updated), unchanged \(unchanged), repaired \(repaired.count), rejected \(rejected.count)"
            + (retired.isEmpty ? "" : ", retired \(retired.count)")
    }
}

/// Raised by a strict import that met rejections: nothing was written.
public struct StrictImportFailure: Error, Sendable, CustomStringConvertible {
    public let report: ImportReport
    public var description: String {
        "import refused (--strict): \(report.rejected.count) feature(s) rejected, nothing written"
    }
}

import Foundation

/// Where an import's features come from, read one at a time inside the import's transaction.
public protocol FeatureInput: Sendable {
    /// The input's size in bytes when known before reading (a file), for progress.
    var byteCount: Int? { get }
    /// Calls `body` with each feature, numbered from `startIndex`, and the bytes read so far;
    /// returns how many features there were.
    func forEach(startIndex: Int, _ body: (SourceFeature, Int) throws -> Void) throws -> Int
}

/// GeoJSON from a file, standard input or memory: a FeatureCollection, a Feature, or a
/// GeoJSON text sequence (newline-delimited, RFC 8142 record separators allowed).
public struct GeoJSONInput: FeatureInput {
    enum Origin: Sendable {
        case path(String)
        case standardInput
        case data(Data)
    }

    let origin: Origin
    /// How locations in reports name the input ("city.geojson", "standard input").
    public let name: String
    /// The dataset recorded for features without a `source_dataset` property.
    public let dataset: String
    public let byteCount: Int?

    /// A file; `dataset` defaults to the file's name without its extension.
    public static func file(_ path: String, dataset: String? = nil) throws(InputError) -> GeoJSONInput {
        var info = stat()
        guard access(path, R_OK) == 0, stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            throw InputError(field: "PATH", value: path, problem: "cannot be read",
                             fix: "Give the path of a GeoJSON FeatureCollection or GeoJSON sequence file, or - for standard input.")
        }
        let name = (path as NSString).lastPathComponent
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        return GeoJSONInput(origin: .path(path), name: name, dataset: dataset ?? (name as NSString).deletingPathExtension,
                            byteCount: isRegular ? Int(info.st_size) : nil)
    }

    /// Standard input, for pipelines (`osmium export ... | cordon import -`).
    public static func standardInput(dataset: String) -> GeoJSONInput {
        GeoJSONInput(origin: .standardInput, name: "standard input", dataset: dataset, byteCount: nil)
    }

    public init(data: Data, name: String, dataset: String? = nil) {
        self.init(origin: .data(data), name: name, dataset: dataset ?? (name as NSString).deletingPathExtension,
                  byteCount: data.count)
    }

    init(origin: Origin, name: String, dataset: String, byteCount: Int?) {
        self.origin = origin
        self.name = name
        self.dataset = dataset
        self.byteCount = byteCount
    }

    public func forEach(startIndex: Int, _ body: (SourceFeature, Int) throws -> Void) throws -> Int {
        let input: ByteInput
        switch origin {
        case .path(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputError(field: "PATH", value: path, problem: "cannot be opened (\(String(cString: strerror(errno))))",
                                 fix: "Check that the file exists and is readable.")
            }
            input = ByteInput(descriptor: descriptor, closesDescriptor: true)
        case .standardInput:
            input = ByteInput(descriptor: STDIN_FILENO, closesDescriptor: false)
        case .data(let data):
            input = ByteInput(data: data)
        }
        var stream = GeoJSONStream(input, name: name, dataset: dataset, startIndex: startIndex)
        var count = 0
        try stream.forEach { feature, consumed in
            count += 1
            try body(feature, consumed)
        }
        return count
    }
}

/// Several inputs read one after another as one import.
public struct FeatureInputs: FeatureInput {
    public let parts: [any FeatureInput]
    public init(_ parts: [any FeatureInput]) { self.parts = parts }

    public var byteCount: Int? {
        var total = 0
        for part in parts {
            guard let count = part.byteCount else { return nil }
            total += count
        }
        return total
    }

    public func forEach(startIndex: Int, _ body: (SourceFeature, Int) throws -> Void) throws -> Int {
        var count = 0, bytesBefore = 0
        for part in parts {
            var last = 0
            count += try part.forEach(startIndex: startIndex + count) { feature, bytes in
                last = bytes
                try body(feature, bytesBefore + bytes)
            }
            bytesBefore += part.byteCount ?? last
        }
        return count
    }
}

/// Features already in memory (generated data, tests).
struct FeatureList: FeatureInput {
    let features: [SourceFeature]
    var byteCount: Int? { nil }

    func forEach(startIndex: Int, _ body: (SourceFeature, Int) throws -> Void) throws -> Int {
        for feature in features { try body(feature, 0) }
        return features.count
    }
}

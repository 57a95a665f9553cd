import Foundation
import CordonCore

/// The bundled Square Mile data, imported once per test process with a fixed clock, then
/// copied into each test's own directory.
public actor BundledTemplate {
    public static let shared = BundledTemplate()
    public static let importTime = try! LookupTime.parse("2026-01-01T09:00:00Z")
    // One task, so that tests arriving while the import runs wait for it (an actor alone
    // would let a second caller start a second import during the first one's awaits).
    private var building: Task<String, any Error>?
    private let directory: TemporaryDirectory

    private init() { directory = try! TemporaryDirectory() }

    public func templatePath() async throws -> String {
        if let building { return try await building.value }
        let target = directory.path("template.sqlite")
        let task = Task {
            let registry = Registry(database: try await RegistryDatabase.open(path: target))
            let data = BundledData(directory: packageRoot.appendingPathComponent("data"))
            _ = try await registry.importBundled(data, now: Self.importTime)
            try await registry.database.checkpoint()
            return target
        }
        building = task
        return try await task.value
    }
}

/// A registry holding the bundled data in `directory`.
public func bundledRegistry(in directory: TemporaryDirectory) async throws -> Registry {
    let target = directory.path("bundled.sqlite")
    try FileManager.default.copyItem(atPath: try await BundledTemplate.shared.templatePath(), toPath: target)
    return Registry(database: try await RegistryDatabase.open(path: target))
}

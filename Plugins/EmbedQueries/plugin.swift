import Foundation
import PackagePlugin

/// Turns every `.sql` file under the package's top-level `queries/` folder into a Swift
/// source file of named statements, compiled into the target that uses the plugin.
@main
struct EmbedQueries: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let queries = context.package.directoryURL.appendingPathComponent("queries")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedQueries.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: queries, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "sql" {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding SQL from queries/",
                executable: try context.tool(named: "QueryEmbedder").url,
                arguments: [queries.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}

import Foundation
import PackagePlugin

/// Turns every file under the package's top-level `console/` folder into a Swift source file
/// of named assets, compiled into the target that uses the plugin (CordonServer).
@main
struct EmbedConsole: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let console = context.package.directoryURL.appendingPathComponent("console")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedConsole.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: console, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the console from console/",
                executable: try context.tool(named: "ConsoleEmbedder").url,
                arguments: [console.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}

import ArgumentParser
import CordonCore
import Foundation

/// Parses the command line, runs the command, and turns every error into a message on
/// stderr and an exit status in one place: 2 for bad input, 1 for anything else.
@main
enum Main {
    static func main() async {
        do {
            var command = try Cordon.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(ExitStatus.report(error))
        }
    }
}

enum ExitStatus {
    static let badInput: Int32 = 2
    static let failure: Int32 = 1

    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as InputError:
            printError("error: \(error)")
            return badInput
        case let error as NotFoundError:
            printError("error: \(error)")
            return badInput
        case let error as AmbiguousPlace:
            printError("error: \(error):")
            for candidate in error.candidates { printError("  \(candidate.summary)") }
            if error.more { printError("  ... (more: narrow the words)") }
            return badInput
        case let error as StateConflict:
            // A closed incident or a cancelled alert: the user asked for something refused, not a fault.
            printError("error: \(error)")
            return badInput
        case let error as StrictImportFailure:
            for rejection in error.report.rejected { printError("rejected: \(rejection.description)") }
            printError("error: \(error)")
            return badInput
        case let code as ExitCode:
            // A command that has already said why it failed.
            return code.rawValue
        case let error as StorageError:
            printError("error: \(error)")
            return failure
        default:
            let code = Cordon.exitCode(for: error)
            if code == .success {
                // --help and --version land here.
                print(Cordon.fullMessage(for: error))
                return 0
            }
            printError(Cordon.fullMessage(for: error))
            // Argument errors are bad input too.
            return code == .validationFailure ? badInput : failure
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

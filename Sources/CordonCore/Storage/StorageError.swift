/// A failure of the database itself (not of the caller's input): missing extension, broken
/// file, failed migration. Its message is for operators' logs, never for API clients.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

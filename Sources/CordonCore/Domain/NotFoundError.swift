/// A building (or other record) that the registry does not hold.
public struct NotFoundError: Error, Sendable, Equatable, CustomStringConvertible {
    public let kind: String
    public let id: String
    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
    public var description: String { "no \(kind) with id '\(id)'" }
}

import Foundation

/// What an alert would do if sent now: its recipients, those it cannot reach, its areas, and
/// the reason it would be refused, if it would be.
public struct AlertPreview: Sendable {
    /// The rehearsed send: every field as the real alert would have it, but for its id.
    public let status: AlertStatus
    /// Why sending would be refused (nothing reachable, or no building at all); nil: it would go.
    public let refusal: String?
    /// How much of each targeted zone has building data (see `AlertStatus.zones`).
    public var zones: [ZoneCoverage] { status.zones }
    public var warnings: [String] { status.warnings }

    public var wouldSend: Bool { refusal == nil }
}

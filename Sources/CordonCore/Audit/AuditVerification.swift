import Foundation
import GRDB

/// One thing wrong with the record: which row (or building, or checkpoint line) and why.
public struct AuditFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Area: String, Sendable {
        /// The hash chain itself: a row altered, missing or wrongly linked.
        case chain
        /// The log against signed checkpoints: truncation, rechaining, bad signatures.
        case checkpoint
        /// site_figures and figures_history against the audit rows that explain them.
        case figures
    }

    public let area: Area
    /// The audit row concerned, when there is one.
    public let seq: Int?
    /// "row 7", "rows 96-120", "building way/123", "checkpoints.jsonl line 3".
    public let subject: String
    public let reason: String

    public init(_ area: Area, seq: Int?, subject: String, reason: String) {
        self.area = area
        self.seq = seq
        self.subject = subject
        self.reason = reason
    }

    public var description: String {
        switch area {
        case .chain, .checkpoint: "audit log BROKEN at \(subject): \(reason)"
        case .figures: "figures BROKEN for \(subject): \(reason)"
        }
    }

    public func json() -> String {
        JSONText.object([("area", JSONText.quoted(area.rawValue)), ("seq", seq.map { "\($0)" } ?? "null"),
                         ("subject", JSONText.quoted(subject)), ("reason", JSONText.quoted(reason))])
    }
}

/// The outcome of checking the whole record: every finding, not only the first.
public struct AuditVerification: Sendable {
    public let rows: Int
    public let findings: [AuditFinding]
    /// Checkpoints whose signature verified and that were compared with the log.
    public let checkpoints: Int
    public let latestCheckpoint: AuditCheckpoint?
    /// Rows newer than the latest checkpoint: only the unkeyed chain vouches for them.
    public let rowsAfterLatestCheckpoint: Int
    /// Buildings whose current figures and history were compared with the log.
    public let buildingsChecked: Int

    public var isIntact: Bool { findings.isEmpty }

    public func json() -> String {
        JSONText.object([
            ("intact", JSONText.bool(isIntact)), ("rows", "\(rows)"), ("checkpoints", "\(checkpoints)"),
            ("latest_checkpoint", latestCheckpoint?.json() ?? "null"),
            ("rows_after_latest_checkpoint", "\(rowsAfterLatestCheckpoint)"),
            ("buildings_checked", "\(buildingsChecked)"),
            ("findings", "[" + findings.map { $0.json() }.joined(separator: ",") + "]"),
        ])
    }
}

extension Registry {
    /// Recomputes every row's hash and link, compares the log with every signed checkpoint
    /// given, and checks the figures tables against the audit rows; reports all it finds.
    /// Without checkpoints, truncation and a fully recomputed chain cannot be told apart
    /// from an intact log: that is what the signing key is for.
    public func verifyAudit(checkpoints: AuditCheckpointSet? = nil) async throws -> AuditVerification {
        try await database.read { db in
            let entries = try Row.fetchAll(db.cachedStatement(sql: Query.auditAll.sql)).map(AuditEntry.init(row:))
            var findings = AuditChain.check(entries)
            let signed = AuditChain.compare(entries, with: checkpoints, findings: &findings)
            let figures = try FiguresAudit.check(entries, in: db)
            findings += figures.findings
            return AuditVerification(
                rows: entries.count, findings: findings, checkpoints: signed.compared, latestCheckpoint: signed.latest,
                rowsAfterLatestCheckpoint: entries.count { $0.seq > (signed.latest?.seq ?? 0) },
                buildingsChecked: figures.buildings)
        }
    }
}

enum AuditChain {
    /// Every row out of place, unlinked or altered. After a finding the walk goes on from the
    /// row's stored hash, so each tampered row is named once and later ones still checked.
    static func check(_ entries: [AuditEntry]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var previous = AuditEntry.genesis
        var expectedSeq = 1
        for entry in entries {
            var linkKnown = true
            if entry.seq != expectedSeq {
                let missing = expectedSeq == entry.seq - 1 ? "row \(expectedSeq) is missing" : "rows \(expectedSeq)-\(entry.seq - 1) are missing"
                findings.append(AuditFinding(.chain, seq: entry.seq, subject: "row \(entry.seq)",
                                             reason: "expected row \(expectedSeq) here: \(missing)"))
                // The predecessor is gone: its hash, and so this link, cannot be checked.
                linkKnown = false
            }
            if linkKnown, entry.prevHash != previous {
                findings.append(AuditFinding(.chain, seq: entry.seq, subject: "row \(entry.seq)",
                                             reason: "its link to row \(entry.seq - 1) does not match that row's hash"))
            }
            if entry.recomputedHash != entry.hash {
                findings.append(AuditFinding(.chain, seq: entry.seq, subject: "row \(entry.seq)",
                                             reason: "its content does not match its hash: the row was altered"))
            }
            previous = entry.hash
            expectedSeq = entry.seq + 1
        }
        return findings
    }

    /// Each signed checkpoint must still find its row with the signed hash; the newest one
    /// must not lie beyond the end of the log.
    static func compare(_ entries: [AuditEntry], with set: AuditCheckpointSet?,
                        findings: inout [AuditFinding]) -> (compared: Int, latest: AuditCheckpoint?) {
        guard let set else { return (0, nil) }
        let file = (set.source as NSString).lastPathComponent
        for rejected in set.rejected {
            findings.append(AuditFinding(.checkpoint, seq: nil, subject: "\(file) line \(rejected.line)", reason: rejected.reason))
        }
        var position: [Int: Int] = [:]
        for (index, entry) in entries.enumerated() { position[entry.seq] = index }
        let lastSeq = entries.last?.seq ?? 0
        var seen = Set<String>()
        let distinct = set.valid.filter { seen.insert($0.json()).inserted }
        let latest = distinct.max { ($0.seq, $0.at) < ($1.seq, $1.at) }
        for checkpoint in distinct.sorted(by: { ($0.seq, $0.at) < ($1.seq, $1.at) }) {
            guard let index = position[checkpoint.seq] else {
                if checkpoint == latest, checkpoint.seq > lastSeq {
                    let first = lastSeq + 1
                    let span = first == checkpoint.seq ? "row \(first) is" : "rows \(first)-\(checkpoint.seq) are"
                    findings.append(AuditFinding(
                        .checkpoint, seq: checkpoint.seq, subject: first == checkpoint.seq ? "row \(first)" : "rows \(first)-\(checkpoint.seq)",
                        reason: "\(span) missing since the checkpoint of \(checkpoint.at), which signed row \(checkpoint.seq); the log ends at row \(lastSeq)"))
                } else if checkpoint.seq <= lastSeq {
                    findings.append(AuditFinding(
                        .checkpoint, seq: checkpoint.seq, subject: "row \(checkpoint.seq)",
                        reason: "signed in the checkpoint of \(checkpoint.at) but no longer in the log"))
                }
                continue
            }
            if entries[index].hash != checkpoint.hash {
                findings.append(AuditFinding(
                    .checkpoint, seq: checkpoint.seq, subject: "row \(checkpoint.seq)",
                    reason: "its hash is not the one signed in the checkpoint of \(checkpoint.at): rows up to \(checkpoint.seq) were rewritten and their hashes recomputed"))
            } else if index + 1 != checkpoint.rows {
                findings.append(AuditFinding(
                    .checkpoint, seq: checkpoint.seq, subject: "row \(checkpoint.seq)",
                    reason: "the checkpoint of \(checkpoint.at) counted \(checkpoint.rows) rows up to here; the log holds \(index + 1)"))
            }
        }
        return (distinct.count, latest)
    }
}

import Foundation
import GRDB

/// Checks site_figures and figures_history against the audit log, building by building.
///
/// Every figures write through the registry leaves one audit row (`figures.update` or
/// `figures.confirm`) with the figures before and after, and the triggers add one history
/// row per value that changed. So for a building that the log covers:
/// - its current figures are exactly its latest audit row's `after`;
/// - each audit row's `before` is the previous one's `after` (nothing changed in between);
/// - each history row is one value change of one audit row, and each such change has its row.
///
/// Figures seeded without an audit row (the demonstration figures of an import, fixtures)
/// appear in the history only as first values (no old value) before any audited write.
/// They are accepted as the starting point: where a later audit row exists, its `before`
/// must equal them; where none does, the current figures must still be exactly those first
/// values. Seeded figures are thus checked against their own history only, which no hash
/// covers: an edit of both the seeded figures and their history rows goes unnoticed.
enum FiguresAudit {
    struct HistoryRow {
        let seq: Int
        let figure: String
        let old: Int?
        let new: Int
        let at: String
        let by: String
        let channel: String

        var text: String {
            "figures_history row \(seq) (\(figure) \(old.map(String.init) ?? "none") -> \(new) at \(at) by \(by))"
        }
    }

    /// One value change an audit row implies.
    struct Change: Hashable {
        let figure: String
        let old: Int?
        let new: Int
        let at: String
        let by: String
        /// Nil for seeded first values, whose channel the log does not record.
        let channel: String?
    }

    static func check(_ entries: [AuditEntry], in db: Database) throws -> (findings: [AuditFinding], buildings: Int) {
        var audits: [String: [AuditEntry]] = [:]
        for entry in entries where entry.targetType == "figures" {
            audits[entry.targetID, default: []].append(entry)
        }
        var current: [String: SiteFigures] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: Query.auditFiguresCurrent.sql)) {
            current[row["building_id"]] = row.siteFigures
        }
        var history: [String: [HistoryRow]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: Query.auditFiguresHistory.sql)) {
            history[row["building_id"], default: []].append(HistoryRow(
                seq: row["seq"], figure: row["figure"], old: row["old_value"], new: row["new_value"],
                at: row["changed_at"], by: row["changed_by"], channel: row["channel"]))
        }
        let buildings = Set(audits.keys).union(current.keys).union(history.keys).sorted()
        var findings: [AuditFinding] = []
        for building in buildings {
            findings += check(building, audits: audits[building] ?? [], current: current[building],
                              history: history[building] ?? [])
        }
        return (findings, buildings.count)
    }

    static func check(_ building: String, audits: [AuditEntry], current: SiteFigures?,
                      history: [HistoryRow]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        func report(_ seq: Int?, _ reason: String) {
            findings.append(AuditFinding(.figures, seq: seq, subject: "building \(building)", reason: reason))
        }
        guard let latest = audits.last else {
            checkSeeded(current: current, history: history, report: report)
            return findings
        }
        // What the history must hold: seeded first values, then each audited change.
        var expected: [Change: [Int]] = [:]
        var previousAfter: String? = nil
        for (index, audit) in audits.enumerated() {
            let before = audit.before.flatMap(values(of:)) ?? [:]
            let after = audit.after.flatMap(values(of:)) ?? [:]
            if index == 0 {
                for (figure, value) in before {
                    expected[Change(figure: figure, old: nil, new: value.value, at: value.confirmedAt, by: value.confirmedBy, channel: nil), default: []].append(audit.seq)
                }
            } else if audit.before != previousAfter {
                report(audit.seq, "audit row \(audit.seq) starts from figures that are not what audit row \(audits[index - 1].seq) left: they were changed in between without an audit row")
            }
            for figure in Figure.allCases.map(\.rawValue) {
                guard let new = after[figure], before[figure]?.value != new.value else { continue }
                expected[Change(figure: figure, old: before[figure]?.value, new: new.value, at: new.confirmedAt,
                                by: new.confirmedBy, channel: audit.channel), default: []].append(audit.seq)
            }
            previousAfter = audit.after
        }
        for row in history {
            let audited = Change(figure: row.figure, old: row.old, new: row.new, at: row.at, by: row.by, channel: row.channel)
            let seeded = Change(figure: row.figure, old: row.old, new: row.new, at: row.at, by: row.by, channel: nil)
            if expected[audited]?.isEmpty == false {
                expected[audited]?.removeFirst()
            } else if row.old == nil, expected[seeded]?.isEmpty == false {
                expected[seeded]?.removeFirst()
            } else {
                report(nil, "\(row.text) matches no audit row: the history was altered or the figures changed without audit")
            }
        }
        for (change, seqs) in expected.sorted(by: { ($0.value.first ?? 0, $0.key.figure) < ($1.value.first ?? 0, $1.key.figure) }) {
            for seq in seqs {
                report(seq, "audit row \(seq) records \(change.figure) \(change.old.map(String.init) ?? "none") -> \(change.new), but figures_history has no such row: it was deleted or altered")
            }
        }
        guard let current else {
            report(latest.seq, "site_figures holds no figures, but audit row \(latest.seq) recorded them: the row was deleted")
            return findings
        }
        if current.json() != latest.after {
            report(latest.seq, "site_figures differs from what audit row \(latest.seq) recorded: " + differences(current, latest.after))
        }
        return findings
    }

    /// A building no audit row covers: its figures must be its history's first values, untouched.
    static func checkSeeded(current: SiteFigures?, history: [HistoryRow], report: (Int?, String) -> Void) {
        var seed: [String: ReportedFigure] = [:]
        for row in history {
            if row.old == nil, seed[row.figure] == nil {
                seed[row.figure] = ReportedFigure(value: row.new, confirmedAt: row.at, confirmedBy: row.by)
            } else {
                report(nil, "\(row.text) matches no audit row: the history was altered or the figures changed without audit")
            }
        }
        guard let current else {
            if !history.isEmpty { report(nil, "site_figures holds no figures, but figures_history recorded them: the row was deleted") }
            return
        }
        if seed.isEmpty {
            report(nil, "site_figures holds figures that neither figures_history nor the audit log records")
            return
        }
        var problems: [String] = []
        for figure in Figure.allCases {
            let stored = current[figure]
            let first = seed[figure.rawValue]
            if stored?.value != first?.value {
                problems.append("\(figure.rawValue) is \(stored.map { "\($0.value)" } ?? "missing"), first recorded as \(first.map { "\($0.value)" } ?? "nothing")")
            } else if stored != first {
                problems.append("\(figure.rawValue) was confirmed \(stored?.confirmedAt ?? "-") by \(stored?.confirmedBy ?? "-"), first recorded as \(first?.confirmedAt ?? "-") by \(first?.confirmedBy ?? "-")")
            }
        }
        if current.version != 1 { problems.append("version is \(current.version) though no audited write changed it") }
        if !problems.isEmpty {
            report(nil, "site_figures differs from its seeded figures with no audit row for the change: " + problems.joined(separator: "; "))
        }
    }

    /// The figures of an audit row's `before` or `after`, by column name.
    static func values(of json: String) -> [String: ReportedFigure]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return nil }
        var values: [String: ReportedFigure] = [:]
        for figure in Figure.allCases {
            guard let slot = object[figure.rawValue] as? [String: Any], let value = slot["value"] as? Int,
                  let at = slot["confirmed_at"] as? String, let by = slot["confirmed_by"] as? String else { continue }
            values[figure.rawValue] = ReportedFigure(value: value, confirmedAt: at, confirmedBy: by)
        }
        return values
    }

    static func differences(_ current: SiteFigures, _ after: String?) -> String {
        let audited = after.flatMap(values(of:)) ?? [:]
        var parts: [String] = []
        for figure in Figure.allCases {
            let stored = current[figure], recorded = audited[figure.rawValue]
            if stored?.value != recorded?.value {
                parts.append("\(figure.rawValue) is \(stored.map { "\($0.value)" } ?? "missing"), the audit recorded \(recorded.map { "\($0.value)" } ?? "nothing")")
            } else if stored != recorded {
                parts.append("\(figure.rawValue)'s confirmation is \(stored?.confirmedAt ?? "-") by \(stored?.confirmedBy ?? "-"), the audit recorded \(recorded?.confirmedAt ?? "-") by \(recorded?.confirmedBy ?? "-")")
            }
        }
        if parts.isEmpty { parts.append("the version or demonstration flag differs") }
        return parts.joined(separator: "; ")
    }
}

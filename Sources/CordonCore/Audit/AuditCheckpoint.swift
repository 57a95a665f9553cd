import Foundation

/// A signed statement "at `at`, the audit log's newest row was `seq`, its hash was `hash`,
/// and the log held `rows` rows".
///
/// Why this makes the log tamper-evident against someone holding the database file: each
/// row's hash covers its content and its predecessor's hash, so the hash of row `seq` fixes
/// every row up to it. Changing, removing or reordering any of those rows changes the hash
/// at `seq` (or leaves no row there); recomputing the later hashes to hide it produces a
/// different hash at `seq`, which the signature no longer matches. Making a new signature
/// needs the private key, which is kept outside the database file. What a checkpoint cannot
/// protect: rows written after the newest checkpoint, which only the unkeyed chain covers.
public struct AuditCheckpoint: Sendable, Equatable {
    public let seq: Int
    public let hash: String
    public let at: String
    public let rows: Int
    /// Ed25519 over `signedText`, as hex.
    public let signature: String

    /// Every field, in a fixed order with a version prefix, so a signature for one kind of
    /// statement can never be read as another.
    static func signedText(seq: Int, hash: String, at: String, rows: Int) -> String {
        "cordon-audit-checkpoint/1\nseq=\(seq)\nhash=\(hash)\nat=\(at)\nrows=\(rows)\n"
    }

    static func signed(seq: Int, hash: String, at: String, rows: Int, key: AuditSigningKey) throws -> AuditCheckpoint {
        AuditCheckpoint(seq: seq, hash: hash, at: at, rows: rows,
                        signature: try key.sign(signedText(seq: seq, hash: hash, at: at, rows: rows)))
    }

    public func isSigned(by key: AuditPublicKey) -> Bool {
        key.isValid(signature: signature, for: Self.signedText(seq: seq, hash: hash, at: at, rows: rows))
    }

    /// One line of the checkpoints file, and the text after `logPrefix` in the log.
    public func json() -> String {
        JSONText.object([("seq", "\(seq)"), ("hash", JSONText.quoted(hash)), ("at", JSONText.quoted(at)),
                         ("rows", "\(rows)"), ("signature", JSONText.quoted(signature))])
    }

    /// What an admin's webhook receives: the checkpoint's line with its kind first, so a
    /// receiver that appends each body to a file has a checkpoints file `cordon audit verify`
    /// reads.
    func webhookPayload() -> String {
        "{\"type\":\"audit.checkpoint\"," + json().dropFirst()
    }

    /// Written before the JSON in the log's line, so the log itself can serve as a
    /// checkpoints file: `cordon audit verify --audit-checkpoints` reads either.
    public static let logPrefix = "audit checkpoint "

    /// Reads one line of a checkpoints file or of the log; nil when it holds no checkpoint.
    static func parse(line: String) -> AuditCheckpoint?? {
        var text = Substring(line)
        if let range = line.range(of: logPrefix) { text = line[range.upperBound...] }
        text = text.drop { $0 == " " }
        guard text.hasPrefix("{") else { return .none }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let seq = object["seq"] as? Int, let hash = object["hash"] as? String, let at = object["at"] as? String,
              let rows = object["rows"] as? Int, let signature = object["signature"] as? String else {
            return .some(nil)
        }
        return .some(AuditCheckpoint(seq: seq, hash: hash, at: at, rows: rows, signature: signature))
    }
}

/// Checkpoints read from a file, each checked against the verifier's public key.
public struct AuditCheckpointSet: Sendable {
    public let source: String
    /// Checkpoints whose signature verifies, in file order.
    public let valid: [AuditCheckpoint]
    /// Lines that look like checkpoints but are malformed or not signed by the key.
    public let rejected: [(line: Int, reason: String)]

    public init(source: String, valid: [AuditCheckpoint], rejected: [(line: Int, reason: String)]) {
        self.source = source
        self.valid = valid
        self.rejected = rejected
    }

    /// Reads the operator's checkpoints file (or a log holding checkpoint lines). Lines that
    /// are not checkpoints (other log lines, blank lines) are skipped.
    public static func read(path: String, publicKey: AuditPublicKey, field: String = "--audit-checkpoints") throws -> AuditCheckpointSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: field, value: path, problem: "cannot be read",
                             fix: "Give the checkpoints file the server and command line append to.")
        }
        return parse(String(decoding: data, as: UTF8.self), source: path, publicKey: publicKey)
    }

    public static func parse(_ text: String, source: String, publicKey: AuditPublicKey) -> AuditCheckpointSet {
        var valid: [AuditCheckpoint] = []
        var rejected: [(line: Int, reason: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch AuditCheckpoint.parse(line: String(line)) {
            case .none: continue
            case .some(nil):
                rejected.append((index + 1, "is not a well-formed checkpoint (seq, hash, at, rows, signature)"))
            case .some(let checkpoint?):
                if checkpoint.isSigned(by: publicKey) {
                    valid.append(checkpoint)
                } else {
                    rejected.append((index + 1, "checkpoint of row \(checkpoint.seq) at \(checkpoint.at): its signature does not verify with the public key \(publicKey.hex.prefix(16))…: forged or altered"))
                }
            }
        }
        return AuditCheckpointSet(source: source, valid: valid, rejected: rejected)
    }
}

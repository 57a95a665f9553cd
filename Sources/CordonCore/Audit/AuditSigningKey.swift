import Crypto
import Foundation

/// The Ed25519 key that signs checkpoints of the audit log. It lives in its own file, never in
/// the database: whoever holds the database file alone cannot sign, so cannot hide a rewrite.
/// The file holds the 32-byte private key as 64 hex digits; the public key (what verifiers
/// need) is derived from it or kept in a file of its own, also as hex.
public struct AuditSigningKey: Sendable {
    /// Raw bytes rather than Crypto's key types, which are not declared Sendable.
    private let privateBytes: [UInt8]
    public let publicKey: AuditPublicKey

    init(privateKey: Curve25519.Signing.PrivateKey) {
        privateBytes = Array(privateKey.rawRepresentation)
        publicKey = AuditPublicKey(raw: Array(privateKey.publicKey.rawRepresentation))
    }

    public static func generate() -> AuditSigningKey {
        AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey())
    }

    public var fileText: String {
        KeyMaterial.hex(privateBytes) + "\n"
    }

    /// Reads a private key file; `field` names the flag or variable it came from.
    public static func read(path: String, field: String) throws -> AuditSigningKey {
        let bytes = try AuditKeyFile.bytes(path: path, field: field, kind: "private")
        do {
            return AuditSigningKey(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: bytes))
        } catch {
            throw AuditKeyFile.invalid(path: path, field: field, kind: "private")
        }
    }

    /// Writes a new key file readable by its owner only (0600). An existing file is never
    /// overwritten: losing a key would leave its checkpoints unverifiable.
    public func write(to path: String, field: String = "--out") throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw InputError(field: field, value: path, problem: "already exists",
                             fix: "Choose a new file name; an existing key is never overwritten.")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(fileText.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw InputError(field: field, value: path, problem: "cannot be created",
                             fix: "Give a path in a directory you can write to.")
        }
    }

    func sign(_ text: String) throws -> String {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: privateBytes)
        return KeyMaterial.hex(Array(try key.signature(for: Data(text.utf8))))
    }
}

/// The public half of the signing key: enough to verify checkpoints, useless for making them.
public struct AuditPublicKey: Sendable, Equatable {
    let raw: [UInt8]

    public var hex: String { KeyMaterial.hex(raw) }

    public static func read(path: String, field: String) throws -> AuditPublicKey {
        let bytes = try AuditKeyFile.bytes(path: path, field: field, kind: "public")
        do {
            return AuditPublicKey(raw: Array(try Curve25519.Signing.PublicKey(rawRepresentation: bytes).rawRepresentation))
        } catch {
            throw AuditKeyFile.invalid(path: path, field: field, kind: "public")
        }
    }

    func isValid(signature hexSignature: String, for text: String) -> Bool {
        guard let signature = AuditKeyFile.decodeHex(hexSignature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(Data(signature), for: Data(text.utf8))
    }
}

enum AuditKeyFile {
    static func bytes(path: String, field: String, kind: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: field, value: path, problem: "cannot be read",
                             fix: "Give the \(kind) key file written by `cordon audit keygen`.")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count == 64, let bytes = decodeHex(text) else { throw invalid(path: path, field: field, kind: kind) }
        return bytes
    }

    static func invalid(path: String, field: String, kind: String) -> InputError {
        InputError(field: field, value: path, problem: "does not hold an Ed25519 \(kind) key (64 hex digits)",
                   fix: "Give the \(kind) key file written by `cordon audit keygen`.")
    }

    static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}

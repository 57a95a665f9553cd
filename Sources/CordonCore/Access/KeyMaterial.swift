import Crypto
import Foundation

/// API key secrets: 32 random bytes, shown once; only their SHA-256 is stored.
enum KeyMaterial {
    static let prefix = "cordon_"

    static func generate() -> (id: String, secret: String) {
        var generator = SystemRandomNumberGenerator()  // getrandom(2): cryptographically secure
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let id = (0..<5).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return ("key_" + hex(id), prefix + hex(secret))
    }

    /// A console session: a public id for the audit log and a secret token for the cookie.
    static func generateSession() -> (id: String, token: String) {
        var generator = SystemRandomNumberGenerator()  // getrandom(2): cryptographically secure
        let token = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let id = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return ("ses_" + hex(id), hex(token))
    }

    static func hash(_ secret: String) -> String {
        hex(Array(SHA256.hash(data: Data(secret.utf8))))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

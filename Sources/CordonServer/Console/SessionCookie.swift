import CordonCore
import Foundation
import Hummingbird

/// The console's session cookie: HttpOnly (no script can read it, so a page never holds a
/// credential), SameSite=Strict (never sent on requests other sites start), Secure when
/// clients reach the server over https.
enum SessionCookie {
    static let name = "cordon_session"

    static func set(_ session: IssuedSession, now: Date, secure: Bool) -> String {
        let seconds = max(0, Int(session.expiresAt.timeIntervalSince(now)))
        return "\(name)=\(session.token); Path=/; Max-Age=\(seconds); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func cleared(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The token from the request's Cookie headers, if it carries one of the expected form
    /// (64 hex digits); anything else is treated as no session.
    static func token(in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                if value.count == 64, value.allSatisfy(\.isHexDigit) { return value }
            }
        }
        return nil
    }
}

/// Requests authenticated by the cookie that change something must come from the console's
/// own pages: a browser always sends Origin on them, and no other site can make it say
/// this server's origin.
struct OriginCheck: Sendable {
    let address: PublicAddress

    static let safeMethods: Set<HTTPRequest.Method> = [.get, .head, .options]

    func check(_ request: Request) throws {
        guard !Self.safeMethods.contains(request.method) else { return }
        guard let origin = request.headers[.origin] else {
            throw Problem(status: .forbidden,
                          detail: "Forbidden: this \(request.method.rawValue) carries the console's session cookie but no Origin header. Changes made with a session are accepted only from the console's own pages; programs send 'Authorization: Bearer KEY' instead.",
                          parameter: "Origin")
        }
        guard allowed(request).contains(origin.lowercased()) else {
            throw Problem(status: .forbidden,
                          detail: "Forbidden: this \(request.method.rawValue) carries the console's session cookie but comes from '\(origin)', not from this server (\(address.url)). Changes made with a session are accepted only from the console's own pages; programs send 'Authorization: Bearer KEY' instead.",
                          parameter: "Origin")
        }
    }

    /// This server's origin as configured, and as the browser addressed it: the cookie is
    /// only ever sent to the host that set it, so a page of another site cannot pass for it.
    private func allowed(_ request: Request) -> Set<String> {
        var origins: Set<String> = [address.url.lowercased()]
        if let host = request.head.authority?.lowercased() {
            origins.insert("http://" + host)
            origins.insert("https://" + host)
        }
        return origins
    }
}

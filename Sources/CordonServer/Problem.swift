import CordonCore
import Hummingbird
import Logging
import NIOCore

/// An RFC 9457 problem: every error the server returns has this shape, with a detail that
/// names the parameter, the value and the fix.
struct Problem: Error, Sendable {
    let status: HTTPResponse.Status
    let detail: String
    var parameter: String? = nil
    var headers: HTTPFields = [:]
    /// Further members, already encoded (the current figures of a 412, the lines of a 422).
    var extra: [(String, String)] = []

    func response() -> Response {
        let body = JSONText.object([
            ("type", "\"about:blank\""),
            ("title", JSONText.quoted(status.reasonPhrase)),
            ("status", "\(status.code)"),
            ("detail", JSONText.quoted(detail)),
            ("parameter", parameter.map(JSONText.quoted)),
        ] + extra.map { ($0.0, Optional($0.1)) })
        return .text(body, contentType: MediaTypes.problem, status: status, headers: headers)
    }

    static func unauthenticated(_ why: String) -> Problem {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Bearer realm=\"cordon\""
        return Problem(status: .unauthorized,
                       detail: "Authentication failed: \(why). Send 'Authorization: Bearer KEY' with a key from 'cordon key create'.",
                       parameter: "Authorization", headers: headers)
    }

    /// A console session that was signed out, expired, or whose key was revoked. No
    /// WWW-Authenticate: a browser would answer it with its own password prompt.
    static func sessionEnded() -> Problem {
        var headers = HTTPFields()
        headers[.setCookie] = SessionCookie.cleared(secure: false)
        return Problem(status: .unauthorized,
                       detail: "Authentication failed: the console session has ended (signed out, past its time, or its key was revoked). Sign in again at /console with your organisation's key.",
                       parameter: "Cookie", headers: headers)
    }
}

extension Problem {
    /// The one place where errors of every layer become HTTP statuses. Anything unexpected is
    /// logged in full and answered as a bare 500 that reveals no internals.
    static func from(_ error: any Error, request: Request, routes: RouteTableBox, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let input as InputError:
            return Problem(status: input.kind == .invalidGeometry ? .unprocessableContent : .badRequest,
                           detail: input.description, parameter: input.field)
        case let denied as AccessDenied:
            return Problem(status: .forbidden, detail: "Forbidden: \(denied.reason).")
        case let conflict as VersionConflict:
            var headers = HTTPFields()
            headers[.eTag] = ETag.text(conflict.current?.version ?? 0)
            return Problem(status: .preconditionFailed,
                           detail: "The figures changed since version \(conflict.expected): they are now at version \(conflict.current?.version ?? 0). Review the current figures below and send your change again with If-Match: \(ETag.text(conflict.current?.version ?? 0)).",
                           parameter: "If-Match", headers: headers,
                           extra: [("current", conflict.current?.json() ?? "null")])
        case let rejection as BulkRejection:
            return Problem(status: .unprocessableContent,
                           detail: "The upload was refused and nothing was written: \(rejection.problems.count) problem(s), listed in 'problems'. Fix them and upload the whole file again.",
                           extra: [("problems", "[" + rejection.problems.map { $0.json() }.joined(separator: ",") + "]")])
        case let ambiguous as AmbiguousPlace:
            return Problem(status: .conflict, detail: "\(ambiguous): the candidates are listed in 'candidates'.",
                           parameter: ambiguous.field,
                           extra: [("candidates", "[" + ambiguous.candidates.map { $0.json() }.joined(separator: ",") + "]"),
                                   ("more_candidates", JSONText.bool(ambiguous.more))])
        case let rejection as ConfirmationRejection:
            return Problem(status: .unprocessableContent,
                           detail: "Nothing was confirmed: \(rejection.problems.count) building(s) could not be, listed in 'problems'. Remove them (or fix them) and send the confirmation again.",
                           parameter: "buildings",
                           extra: [("problems", "[" + rejection.problems.map { $0.json() }.joined(separator: ",") + "]")])
        case let conflict as StateConflict:
            return Problem(status: .conflict, detail: "Conflict: \(conflict.reason).")
        case let missing as NotFoundError:
            return Problem(status: .notFound, detail: "\(missing).")
        case let incomplete as IncompleteBody:
            // Clients that drop the connection are routine, and the answer rarely reaches them.
            logger.notice("request body incomplete", metadata: ["error": "\(String(reflecting: incomplete.underlying))",
                                                                "path": "\(request.uri.path)"])
            return Problem(status: .badRequest,
                           detail: "The request body ended before it was complete. Send the whole body, as many bytes as Content-Length says.",
                           parameter: "body")
        case is NIOTooManyBytesError:
            return Problem(status: .contentTooLarge,
                           detail: "The request body is over the limit of 1 MiB. Send a simpler polygon.")
        case let http as HTTPError where http.status == .notFound:
            let allowed = routes.methods(forPath: request.uri.path)
            if !allowed.isEmpty {
                var headers = HTTPFields()
                headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return Problem(status: .methodNotAllowed,
                               detail: "\(request.method.rawValue) is not allowed on \(request.uri.path). Use \(allowed.map(\.rawValue).joined(separator: " or ")).",
                               headers: headers)
            }
            return Problem(status: .notFound,
                           detail: "There is no resource at \(request.uri.path). GET / lists the service's links; GET /openapi.json describes every endpoint.")
        case let http as HTTPError where http.status.code < 500:
            return Problem(status: http.status, detail: http.body ?? http.status.reasonPhrase)
        case is CancellationError:
            // The client went away (or the server is stopping) and the work was stopped: no
            // one reads this answer, and nothing went wrong on the server's side.
            logger.info("request stopped: the client went away", metadata: ["path": "\(request.uri.path)"])
            return Problem(status: .serviceUnavailable, detail: "The request was stopped before it finished.")
        default:
            logger.error("internal error", metadata: ["error": "\(String(reflecting: error))",
                                                       "path": "\(request.uri.path)"])
            return Problem(status: .internalServerError,
                           detail: "The server could not answer this request. The error has been logged.")
        }
    }
}

import CordonCore
import Foundation
import Hummingbird

/// The request context: Hummingbird's core storage plus who is asking, set by the
/// authentication middleware.
public struct CordonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: Actor?
    /// The console session's token when the request was authenticated by its cookie rather
    /// than by a key.
    public var sessionToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
        sessionToken = nil
    }

    /// The authenticated actor; every route but /healthz runs behind the middleware that sets it.
    func requireActor() throws -> Actor {
        guard let actor else { throw Problem.unauthenticated("no API key was checked for this request") }
        return actor
    }

    /// A text path parameter, percent-decoded, with control characters refused (`%00` would
    /// reach SQLite as a NUL and cut the text short): a 400 naming the parameter otherwise.
    func pathText(_ name: String) throws(InputError) -> String {
        let raw = parameters.get(name) ?? ""
        return try TextInput.checked(raw.removingPercentEncoding ?? raw, field: name)
    }
}

import CordonCore
import Hummingbird

/// The request context: Hummingbird's core storage plus who is asking, set by the
/// authentication middleware.
public struct CordonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: Actor?

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
    }

    /// The authenticated actor; every route but /healthz runs behind the middleware that sets it.
    func requireActor() throws -> Actor {
        guard let actor else { throw Problem.unauthenticated("no API key was checked for this request") }
        return actor
    }
}

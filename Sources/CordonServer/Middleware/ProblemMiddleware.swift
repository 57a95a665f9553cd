import Hummingbird

/// Turns every thrown error into an RFC 9457 problem response.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTableBox

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return Problem.from(error, request: request, routes: routes, logger: context.logger).response()
        }
    }
}

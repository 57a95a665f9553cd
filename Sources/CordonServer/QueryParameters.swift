import Foundation
import CordonCore
import Hummingbird

/// A request's query parameters, checked against the names an endpoint accepts so that a
/// typo (`radious=200`) is an error rather than a silently different answer.
struct QueryParameters {
    private let values: [String: String]

    init(_ request: Request, allowed: Set<String>) throws(InputError) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw InputError(field: name, value: "'\(value)'", problem: "is not a parameter of \(request.uri.path)",
                                 fix: allowed.isEmpty ? "Remove it: \(request.uri.path) takes no query parameters."
                                     : "Use only: \(allowed.sorted().joined(separator: ", ")).")
            }
            values[name] = try TextInput.checked(String(value), field: name)
        }
        self.values = values
    }

    /// Refuses every query parameter, for endpoints that take none.
    @discardableResult
    static func none(_ request: Request) throws(InputError) -> QueryParameters {
        try QueryParameters(request, allowed: [])
    }

    subscript(name: String) -> String? { values[name] }

    func bool(_ name: String) throws(InputError) -> Bool {
        switch values[name]?.lowercased() {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        case let other?:
            throw InputError(field: name, value: "'\(other)'", problem: "is not true or false", fix: "Give \(name)=true or \(name)=false.")
        }
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw InputError(field: name, value: "'\(text)'", problem: "is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                             fix: "Give \(name) as a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    func instant() throws(InputError) -> Date {
        try values["at"].map { text throws(InputError) in try LookupTime.parse(text) } ?? Date()
    }
}

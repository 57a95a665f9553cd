/// Result of `TransportationProblem.solve()`.
public struct TransportationPlan: Sendable, Equatable {
    public struct Flow: Sendable, Equatable {
        public let origin: String
        public let centre: String
        /// Always > 0: zero flows are omitted from the plan.
        public let people: Int
        /// Walking distance in metres, exactly as supplied to the problem.
        public let distance: Double

        // Public so callers (and tests) can write expected plans literally.
        public init(origin: String, centre: String, people: Int, distance: Double) {
            self.origin = origin
            self.centre = centre
            self.people = people
            self.distance = distance
        }
    }

    /// Only flows with people > 0, sorted by centre id, then origin id, so
    /// that printed plans group naturally by reception centre.
    public let flows: [Flow]
    /// Total people placed; the maximum possible given capacities and reachability.
    public let assigned: Int
    /// Origin id -> people who could not be placed (capacity short or no
    /// reachable centre). Only origins with a shortfall appear.
    public let unassigned: [String: Int]
    /// Sum of `people * distance` over `flows`, in person-metres.
    public let totalPersonMetres: Double
}

import Foundation

/// What a person does with the cordon controls, as WebDriver steps.
extension WebDriver {
    /// Chooses "a given time" and types it (London time, as the page's field takes it).
    func chooseTime(_ local: String) async throws {
        try await execute("""
            const choice = document.getElementById('time-choice');
            choice.value = 'given';
            choice.dispatchEvent(new Event('change'));
            const given = document.getElementById('time-given');
            given.value = arguments[0];
            given.dispatchEvent(new Event('change'));
            """, [local])
    }

    /// Runs `action` and waits until the panel shows the answer to the cordon it set.
    func awaitingTotals(_ action: () async throws -> Void) async throws {
        let before = try await execute("return document.getElementById('result').dataset.sequence || '0';") as? String ?? "0"
        try await action()
        try await wait(for: "document.getElementById('result').dataset.state === 'ready' && document.getElementById('result').dataset.sequence !== '\(before)'",
                       what: "the totals of the new cordon")
    }

    func setCircle(lat: Double, lon: Double, radius: Int) async throws {
        try await awaitingTotals {
            try await type("\(lat)", into: "#cordon-lat")
            try await type("\(lon)", into: "#cordon-lon")
            try await type("\(radius)", into: "#cordon-radius")
            try await click("#cordon-set")
        }
    }
}

/// Positions typed or drawn in the polygon field ("lat, lon" lines) as a GeoJSON Polygon.
func polygonBody(_ text: String) -> String {
    let positions = text.split(separator: "\n").map { line in
        line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
    }
    let ring = (positions + [positions[0]]).map { "[\($0[1]),\($0[0])]" }.joined(separator: ",")
    return "{\"type\":\"Polygon\",\"coordinates\":[[\(ring)]]}"
}

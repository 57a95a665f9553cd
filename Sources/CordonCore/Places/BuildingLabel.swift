import Foundation

/// A building's display label: its name, else its address, else a description a person on
/// the ground can use, "unnamed building 25 m NE of 30 St Mary Axe, Aldgate ward": the
/// nearest building with a name or address within `reach` metres (point to point, ties by
/// id), the compass point from it, the ward. Derived from the data alone, so the same data
/// always gives the same labels.
struct BuildingLabeller {
    struct Building {
        let id: String
        let name: String?
        let address: String?
        let ward: String?
        let point: GridPoint

        /// What the building is called when it has a name or address.
        var ownLabel: String? { nonEmpty(name) ?? nonEmpty(address) }
    }

    static let reach = 500.0
    private static let cell = 100.0

    private let named: [Building]
    /// Named buildings by 100 m grid cell.
    private let cells: [Cell: [Int]]

    private struct Cell: Hashable {
        let x: Int, y: Int
        init(_ point: GridPoint) {
            x = Int((point.easting / BuildingLabeller.cell).rounded(.down))
            y = Int((point.northing / BuildingLabeller.cell).rounded(.down))
        }
        init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    init(_ buildings: [Building]) {
        named = buildings.filter { $0.ownLabel != nil }
        var cells: [Cell: [Int]] = [:]
        for (index, building) in named.enumerated() { cells[Cell(building.point), default: []].append(index) }
        self.cells = cells
    }

    func label(_ building: Building) -> String {
        if let own = building.ownLabel { return own }
        let ward = nonEmpty(building.ward).map { ", \($0) ward" } ?? ""
        guard let (reference, distance) = nearestNamed(to: building.point) else {
            if let ward = nonEmpty(building.ward) { return "unnamed building in \(ward) ward" }
            return "unnamed building at \(GridReference.text(building.point))"
        }
        let named = reference.ownLabel ?? reference.id
        guard let direction = Self.compassPoint(from: reference.point, to: building.point) else {
            return "unnamed building beside \(named)\(ward)"
        }
        let metres = max(5, Int((distance / 5).rounded()) * 5)
        return "unnamed building \(metres) m \(direction) of \(named)\(ward)"
    }

    private func nearestNamed(to point: GridPoint) -> (Building, Double)? {
        let centre = Cell(point)
        let span = Int((Self.reach / Self.cell).rounded(.up))
        var best: (building: Building, distance: Double)?
        for dx in -span...span {
            for dy in -span...span {
                for index in cells[Cell(x: centre.x + dx, y: centre.y + dy)] ?? [] {
                    let candidate = named[index]
                    let distance = ((candidate.point.easting - point.easting) * (candidate.point.easting - point.easting)
                        + (candidate.point.northing - point.northing) * (candidate.point.northing - point.northing)).squareRoot()
                    guard distance <= Self.reach else { continue }
                    if let current = best,
                       current.distance < distance || (current.distance == distance && current.building.id < candidate.id) {
                        continue
                    }
                    best = (candidate, distance)
                }
            }
        }
        return best.map { ($0.building, $0.distance) }
    }

    /// One of the eight compass points, from one point towards another (grid north).
    /// Nil when the two points coincide.
    static func compassPoint(from origin: GridPoint, to point: GridPoint) -> String? {
        let east = point.easting - origin.easting, north = point.northing - origin.northing
        guard east != 0 || north != 0 else { return nil }
        var degrees = atan2Degrees(east, north)
        if degrees < 0 { degrees += 360 }
        let points = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
        return points[Int((degrees / 45).rounded()) % 8]
    }

    private static func atan2Degrees(_ y: Double, _ x: Double) -> Double {
        atan2(y, x) * 180 / .pi
    }
}

func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return text
}

import Foundation

extension ReceptionPlan {
    /// The plan as spreadsheets read it: one table a file, one value a cell, numbers only in
    /// number columns, and the position of every centre and building, so that a sheet can
    /// be summed, filtered or put on a map without splitting cells.
    public enum CSVTable: String, Sendable, CaseIterable {
        /// One row per centre within walking distance (`role` centre), then the further
        /// centres (`further_centre`).
        case centres
        /// One row per building inside the cordon: its people, how many are placed and how
        /// many are not.
        case buildings
        /// One row per allocation: from a building to a centre, people and metres.
        case allocations
        /// One row: the plan's totals and its warnings.
        case totals
    }

    public func csv(_ table: CSVTable = .centres) -> String {
        switch table {
        case .centres: centresCSV()
        case .buildings: buildingsCSV()
        case .allocations: allocationsCSV()
        case .totals: totalsCSV()
        }
    }

    private static func coordinate(_ value: Double) -> CSVCell { .number(JSONText.number(value, decimals: 6)) }
    private static func flag(_ value: Bool) -> CSVCell { .text(value ? "true" : "false") }

    private func centresCSV() -> String {
        let rows = [("centre", centres), ("further_centre", further)].flatMap { role, list in
            list.map { centre -> [CSVCell] in
                [.text(centre.id), .text(centre.name ?? ""), .text(centre.label), .text(role),
                 Self.coordinate(centre.centroid.latitude), Self.coordinate(centre.centroid.longitude),
                 .number(JSONText.number(centre.distanceFromCordon, decimals: 1)), .number("\(centre.capacity)"),
                 .number("\(centre.assigned)"), .number("\(centre.guards)"), .number("\(centre.traumaPacks)"),
                 .number("\(centre.firstAidKits)"), Self.flag(centre.demonstration)]
            }
        }
        return CSVField.document(header: ["centre_id", "name", "label", "role", "lat", "lon", "distance_from_cordon_m", "capacity",
                                          "assigned", "guards", "trauma_packs", "first_aid_kits", "demonstration_figures"], rows: rows)
    }

    private func buildingsCSV() -> String {
        var placed: [String: Int] = [:]
        for centre in centres { for arrival in centre.arrivals { placed[arrival.buildingID, default: 0] += arrival.people } }
        let rows = displaced.map { building -> [CSVCell] in
            let here = placed[building.id] ?? 0
            return [.text(building.id), .text(building.name ?? ""), .text(building.label),
                    Self.coordinate(building.centroid.latitude), Self.coordinate(building.centroid.longitude),
                    .number("\(building.people)"), Self.flag(building.figuresReported), .number("\(here)"),
                    .number("\(max(0, building.people - here))")]
        }
        return CSVField.document(header: ["building_id", "name", "label", "lat", "lon", "people", "figures_reported", "placed", "unplaced"],
                                 rows: rows)
    }

    private func allocationsCSV() -> String {
        let buildings = Dictionary(displaced.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = centres.flatMap { centre in
            centre.arrivals.map { arrival -> [CSVCell] in
                let building = buildings[arrival.buildingID]
                return [.text(arrival.buildingID), .text(building?.label ?? ""),
                        building.map { Self.coordinate($0.centroid.latitude) } ?? .number(""),
                        building.map { Self.coordinate($0.centroid.longitude) } ?? .number(""),
                        .text(centre.id), .text(centre.label), Self.coordinate(centre.centroid.latitude), Self.coordinate(centre.centroid.longitude),
                        .number("\(arrival.people)"), .number(JSONText.number(arrival.distance, decimals: 1))]
            }
        }
        return CSVField.document(header: ["building_id", "building_label", "building_lat", "building_lon", "centre_id", "centre_label",
                                          "centre_lat", "centre_lon", "people", "distance_m"], rows: rows)
    }

    private func totalsCSV() -> String {
        let row: [CSVCell] = [
            .text(cordon.summary), .text(period.rawValue), .text(LookupTime.text(at)), .number(JSONText.number(walkingDistance)),
            .number("\(displaced.count)"), .number("\(displaced.filter { !$0.figuresReported }.count)"), .number("\(displacedPeople)"),
            .number("\(centres.count)"), .number("\(capacityWithinWalk)"), .number("\(assigned)"), .number("\(shortfall)"),
            .number(JSONText.number(personMetres, decimals: 0)), .number("\(further.count)"),
            .number("\(further.reduce(0) { $0 + $1.capacity })"), .text(coverage.map { $0.lowerBound ? "true" : "false" } ?? ""),
            Self.flag(centres.contains { $0.demonstration } || further.contains { $0.demonstration }),
            // Sentences, each ending in a full stop: one cell that reads as written.
            .text(warnings.joined(separator: " ")),
        ]
        return CSVField.document(header: ["cordon", "period", "at", "walking_distance_m", "buildings_inside", "buildings_without_figures",
                                          "displaced", "centres", "capacity_within_walk", "assigned", "shortfall", "person_metres",
                                          "further_centres", "further_capacity", "lower_bound", "demonstration_figures", "warnings"],
                                 rows: [row])
    }
}

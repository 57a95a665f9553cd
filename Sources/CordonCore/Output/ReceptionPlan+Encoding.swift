import Foundation

extension ReceptionPlan {
    func totalsJSON() -> String {
        JSONText.object([
            ("period", JSONText.quoted(period.rawValue)), ("at", JSONText.quoted(LookupTime.text(at))),
            ("walking_distance_m", JSONText.number(walkingDistance)),
            ("buildings_inside", "\(displaced.count)"),
            ("buildings_without_figures", "\(displaced.filter { !$0.figuresReported }.count)"),
            ("displaced", "\(displacedPeople)"),
            ("centres", "\(centres.count)"), ("capacity_within_walk", "\(capacityWithinWalk)"),
            ("assigned", "\(assigned)"), ("shortfall", "\(shortfall)"),
            ("person_metres", JSONText.number(personMetres, decimals: 0)),
            ("further_capacity", "\(further.reduce(0) { $0 + $1.capacity })"),
            ("demonstration_figures", JSONText.bool(centres.contains { $0.demonstration } || further.contains { $0.demonstration })),
            ("lower_bound", coverage.map { JSONText.bool($0.lowerBound) }),
        ])
    }

    /// What the plan's numbers cannot show: the part of the cordon without building data.
    public var warnings: [String] { coverage?.warnings ?? [] }

    func centreJSON(_ centre: Centre) -> String {
        JSONText.object([
            ("id", JSONText.quoted(centre.id)), ("label", JSONText.quoted(centre.label)), ("name", JSONText.string(centre.name)), ("address", JSONText.string(centre.address)),
            ("distance_from_cordon_m", JSONText.number(centre.distanceFromCordon, decimals: 1)),
            ("capacity", "\(centre.capacity)"), ("assigned", "\(centre.assigned)"),
            ("from", "[" + centre.arrivals.map {
                JSONText.object([("building_id", JSONText.quoted($0.buildingID)), ("people", "\($0.people)"),
                                 ("distance_m", JSONText.number($0.distance, decimals: 1))])
            }.joined(separator: ",") + "]"),
            ("guards", "\(centre.guards)"), ("trauma_packs", "\(centre.traumaPacks)"), ("first_aid_kits", "\(centre.firstAidKits)"),
            ("demonstration_figures", JSONText.bool(centre.demonstration)),
        ])
    }

    public func json() -> String {
        JSONText.object([
            ("cordon", JSONText.quoted(cordon.summary)),
            ("warnings", WarningsText.json(warnings)),
            ("data_coverage", coverage?.json()),
            ("totals", totalsJSON()),
            ("displaced", "[" + displaced.map {
                JSONText.object([("id", JSONText.quoted($0.id)), ("label", JSONText.quoted($0.label)),
                                 ("name", JSONText.string($0.name)), ("people", "\($0.people)"),
                                 ("figures_reported", JSONText.bool($0.figuresReported))])
            }.joined(separator: ",") + "]"),
            ("centres", "[" + centres.map(centreJSON).joined(separator: ",") + "]"),
            ("further_centres", "[" + further.map(centreJSON).joined(separator: ",") + "]"),
        ])
    }

    /// For a map: centres and displaced buildings as points, each allocation as a line from
    /// building to centre; `totals` at the top.
    public func geoJSON() -> String {
        func point(_ position: GeoPosition) -> String {
            "{\"type\":\"Point\",\"coordinates\":[\(GeoJSONText.round7(position.longitude)),\(GeoJSONText.round7(position.latitude))]}"
        }
        var features: [String] = []
        for centre in centres + further {
            let role = centres.contains { $0.id == centre.id } ? "centre" : "further_centre"
            features.append("{\"type\":\"Feature\",\"id\":" + JSONText.quoted(centre.id) + ",\"geometry\":" + point(centre.centroid)
                            + ",\"properties\":" + JSONText.object([("role", JSONText.quoted(role)), ("centre", centreJSON(centre))]) + "}")
        }
        let positions = Dictionary(displaced.map { ($0.id, $0.centroid) }, uniquingKeysWith: { first, _ in first })
        for building in displaced {
            features.append("{\"type\":\"Feature\",\"id\":" + JSONText.quoted(building.id) + ",\"geometry\":" + point(building.centroid)
                            + ",\"properties\":" + JSONText.object([("role", "\"displaced\""), ("label", JSONText.quoted(building.label)),
                                                                              ("name", JSONText.string(building.name)),
                                                                    ("people", "\(building.people)")]) + "}")
        }
        for centre in centres {
            for arrival in centre.arrivals {
                guard let from = positions[arrival.buildingID] else { continue }
                let line = "{\"type\":\"LineString\",\"coordinates\":[[\(GeoJSONText.round7(from.longitude)),\(GeoJSONText.round7(from.latitude))],"
                    + "[\(GeoJSONText.round7(centre.centroid.longitude)),\(GeoJSONText.round7(centre.centroid.latitude))]]}"
                features.append("{\"type\":\"Feature\",\"geometry\":" + line + ",\"properties\":" + JSONText.object([
                    ("role", "\"flow\""), ("from", JSONText.quoted(arrival.buildingID)), ("to", JSONText.quoted(centre.id)),
                    ("people", "\(arrival.people)"), ("distance_m", JSONText.number(arrival.distance, decimals: 1)),
                ]) + "}")
            }
        }
        return "{\"type\":\"FeatureCollection\",\"warnings\":" + WarningsText.json(warnings)
            + (coverage.map { ",\"data_coverage\":" + $0.json() } ?? "") + ",\"totals\":" + totalsJSON() + ",\"features\":[" + features.joined(separator: ",") + "]}"
    }
}

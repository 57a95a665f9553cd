import CordonCore

enum PlanTable {
    static func render(_ plan: ReceptionPlan) -> String {
        var out = "Survivor reception for a \(plan.cordon.summary) — \(plan.period.rawValue) figures at \(LookupTime.text(plan.at))\n"
        out += LookupTable.demonstrationNotice + "\n\n"
        for warning in plan.warnings { out += "WARNING: \(warning)\n" }
        out += plan.coverage?.lowerBound == true ? "Displaced (a lower bound): " : "Displaced: "
        out += "\(plan.displacedPeople) people in \(plan.displaced.count) buildings"
        let unknown = plan.displaced.filter { !$0.figuresReported }.count
        out += unknown > 0 ? " (\(unknown) without figures)\n" : "\n"
        out += "Centres within \(JSONText.number(plan.walkingDistance)) m of the cordon: \(plan.centres.count), capacity \(plan.capacityWithinWalk)\n"
        out += "Assigned: \(plan.assigned); shortfall: \(plan.shortfall); walking total \(JSONText.number(plan.personMetres / 1000, decimals: 1)) person-km\n\n"
        var table = TextTable(header: ["centre", "building", "from cordon m", "capacity", "assigned", "guards", "trauma", "first aid", "from buildings"])
        table.numeric = [2, 3, 4, 5, 6, 7]
        for centre in plan.centres + plan.further {
            let further = plan.further.contains { $0.id == centre.id }
            table.rows.append([centre.id + (further ? " (further)" : ""), TextTable.clip(centre.label, 50),
                               JSONText.number(centre.distanceFromCordon, decimals: 0), "\(centre.capacity)", "\(centre.assigned)",
                               "\(centre.guards)", "\(centre.traumaPacks)", "\(centre.firstAidKits)",
                               TextTable.clip(centre.arrivals.map { "\($0.buildingID):\($0.people)" }.joined(separator: " "), 50)])
        }
        return out + table.render()
    }
}

enum CoverageTable {
    static func render(_ coverage: Coverage, seconds: Double) -> String {
        var out = "Coverage of a \(JSONText.number(coverage.radius)) m cordon at \(coverage.points.count) points "
        out += "\(JSONText.number(coverage.spacing)) m apart (\(coverage.period.rawValue) figures, centres within "
        out += "\(JSONText.number(coverage.walkingDistance)) m), computed in \(JSONText.number(seconds)) s\n"
        out += LookupTable.demonstrationNotice + "\n\n"
        let partial = coverage.points.filter { $0.coverage.lowerBound }.count
        if partial > 0 {
            out += "WARNING: at \(partial) of the \(coverage.points.count) points the cordon reaches where there is no building data: "
            out += "their displaced and shortfall figures are lower bounds (column \"no data\").\n\n"
        }
        var table = TextTable(header: ["ward", "points", "points short", "no data", "max shortfall", "mean shortfall"])
        table.numeric = [1, 2, 3, 4, 5]
        for ward in coverage.wards {
            table.rows.append([ward.ward, "\(ward.points)", "\(ward.pointsShort)", "\(ward.pointsLowerBound)", "\(ward.maximumShortfall)",
                               JSONText.number(ward.meanShortfall, decimals: 1)])
        }
        return out + table.render()
    }
}

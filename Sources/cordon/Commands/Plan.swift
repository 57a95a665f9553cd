import ArgumentParser
import CordonCore
import Foundation

struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Survivor reception planning: where displaced people can be received.",
        subcommands: [Reception.self, CoverageCommand.self])

    enum Format: String, ExpressibleByArgument { case table, json, geojson, csv, svg }

    struct Reception: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Allocate the people inside a cordon to reception centres, exactly minimising the distance walked.",
            discussion: "Give a radius cordon (--lat --lon --radius), a polygon (--polygon FILE), a corridor (--corridor FILE --width M) or an incident (--incident ID).")

        @Option(parsing: .unconditional, help: "Latitude of a radius cordon's centre.") var lat: String?
        @Option(parsing: .unconditional, help: "Longitude of a radius cordon's centre.") var lon: String?
        @Option(parsing: .unconditional, help: "Radius in metres.") var radius: String?
        @Option(help: ArgumentHelp("Centre a radius cordon on a place instead of --lat/--lon: a building's name, address or id, or a grid reference such as \"TQ 33238 81305\".", valueName: "place"))
        var place: String?
        @Option(help: ArgumentHelp("A GeoJSON polygon cordon; - reads standard input.", valueName: "file")) var polygon: String?
        @Option(help: ArgumentHelp("A GeoJSON LineString route for a corridor cordon.", valueName: "file")) var corridor: String?
        @Option(help: "The corridor's width in metres.") var width: Double?
        @Option(help: ArgumentHelp("Plan for this incident's current inner cordon, its outer cordon excluded from the centres.", valueName: "id"))
        var incident: Int?
        @Option(name: .customLong("outer-radius"), help: "An outer cordon around the same centre: centres inside it are not used.") var outerRadius: String?
        @Option(help: "Walking distance from the cordon's edge, metres.") var walk = Registry.defaultWalkingDistance
        @Option(help: "table, json, geojson, csv or svg (a map of the plan).") var format: Format = .table
        @Option(name: .customLong("table"), help: "With --format csv: centres, buildings, allocations or totals.")
        var csvTable = ReceptionPlan.CSVTable.centres.rawValue
        @Option(help: ArgumentHelp("The time whose figures apply (default: now).", valueName: "time")) var at: String?
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let instant = try at.map { try LookupTime.parse($0, field: "--at") } ?? Date()
            let target = try await registry.open()
            let cordon: PlanCordon
            var outer: PlanCordon?
            var (lat, lon) = (self.lat, self.lon)
            if let place {
                guard lat == nil, lon == nil else {
                    throw InputError(field: "--place", value: "'\(place)' with --lat/--lon", problem: "is given together with coordinates",
                                     fix: "Give either --place or --lat and --lon, not both.")
                }
                let resolved = try await target.resolvePlace(place, field: "--place")
                (lat, lon) = ("\(resolved.position.latitude)", "\(resolved.position.longitude)")
            }
            if let incident {
                let current = try await target.incident(incident, actor: localActor).cordons.cordons
                cordon = current.inner.cordon
                outer = current.outer?.cordon
            } else {
                cordon = try readCordon(lat: lat, lon: lon)
            }
            if let outerRadius {
                outer = .radius(try RadiusQuery.parse(latitude: lat, longitude: lon, radius: outerRadius))
            }
            let plan = try await target.receptionPlan(for: cordon, outer: outer, walkingDistance: walk, at: instant)
            switch format {
            case .table: print(PlanTable.render(plan), terminator: "")
            case .json: print(plan.json())
            case .geojson: print(plan.geoJSON())
            case .csv: print(plan.csv(try Plan.csvTable(csvTable, ReceptionPlan.CSVTable.self)), terminator: "")
            case .svg: print(ReceptionMap.svg(plan, footprints: try await target.footprintOutlines()), terminator: "")
            }
        }

        func readCordon(lat: String?, lon: String?) throws -> PlanCordon {
            if let polygon {
                return .area(try AreaQuery.parse(try InputFile.data(polygon, field: "--polygon"), field: "--polygon"))
            }
            if let corridor {
                let json = try InputFile.json(corridor, field: "--corridor")
                return try PlanCordon.corridor(route: json, width: width ?? 0, field: "--corridor")
            }
            guard lat != nil || lon != nil || radius != nil else {
                throw InputError(field: "cordon", value: "nothing", problem: "is missing",
                                 fix: "Give --lat, --lon and --radius (or --place and --radius), or --polygon FILE, or --corridor FILE --width METRES.")
            }
            return .radius(try RadiusQuery.parse(latitude: lat, longitude: lon, radius: radius))
        }
    }

    struct CoverageCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Evaluate a radius cordon at every point of a grid across the City: displaced, capacity, shortfall.")

        @Option(help: "The cordon's radius in metres.") var radius: Double
        @Option(help: "Grid spacing in metres.") var spacing = 50.0
        @Option(help: "Walking distance from the cordon's edge, metres.") var walk = Registry.defaultWalkingDistance
        @Flag(help: "Use night figures (default: day).") var night = false
        @Option(help: "table (per ward), json, geojson, csv or svg (a heat map).") var format: CoverageFormat = .table
        @Option(name: .customLong("table"), help: "With --format csv: points, wards or summary.") var csvTable = Coverage.CSVTable.points.rawValue
        @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.") var output: String?
        @OptionGroup var registry: RegistryOptions

        enum CoverageFormat: String, ExpressibleByArgument { case table, json, geojson, csv, svg }

        func run() async throws {
            let target = try await registry.open()
            // Noon or midnight today, London time, chooses the day or night figures.
            let instant = try LookupTime.parse(String(LookupTime.text(Date()).prefix(10)) + (night ? "T00:00" : "T12:00"))
            let start = Date()
            let coverage = try await target.coverage(radius: radius, spacing: spacing, walkingDistance: walk, at: instant)
            let seconds = Date().timeIntervalSince(start)
            let text: String
            switch format {
            case .table: text = CoverageTable.render(coverage, seconds: seconds)
            case .json: text = coverage.json() + "\n"
            case .geojson: text = coverage.geoJSON() + "\n"
            case .csv: text = coverage.csv(try Plan.csvTable(csvTable, Coverage.CSVTable.self))
            case .svg: text = CoverageMap.svg(coverage, footprints: try await target.footprintOutlines())
            }
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                printError("wrote \(output): \(coverage.points.count) grid points in \(JSONText.number(seconds)) s")
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension Plan {
    /// A `--table` name as the HTTP API's `table` takes it, or an error naming the choices.
    static func csvTable<Table: RawRepresentable & CaseIterable>(_ name: String, _: Table.Type) throws(InputError) -> Table
    where Table.RawValue == String {
        guard let table = Table(rawValue: name) else {
            throw InputError(field: "--table", value: "'\(name)'", problem: "is not a table of this answer",
                             fix: "Give --table \(Table.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return table
    }
}

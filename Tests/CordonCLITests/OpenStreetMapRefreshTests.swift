import Foundation
import Testing

/// A refresh from an OpenStreetMap extract through Debian's osmium-tool, as the README shows
/// it: tags-filter keeps the buildings, export writes a GeoJSON sequence, and `cordon import`
/// reads it from a file the first time and from standard input the second.
@Suite struct OpenStreetMapRefreshTests {
    let cli: CommandLineTests
    var db: String { cli.db }

    init() throws { cli = try CommandLineTests() }

    static let osmium = URL(fileURLWithPath: "/usr/bin/osmium")
    /// The box both extracts cover, as WEST,SOUTH,EAST,NORTH.
    static let box = "-0.0920,51.5140,-0.0880,51.5170"

    /// A hand-written extract: nodes, and building ways as closed rings of four corners.
    static func extract(_ buildings: [(way: Int, west: Double, south: Double, name: String)], version: String) -> String {
        var nodes = "", ways = ""
        var node = 1
        for building in buildings {
            let corners = [(building.west, building.south), (building.west + 0.0002, building.south),
                           (building.west + 0.0002, building.south + 0.0001), (building.west, building.south + 0.0001)]
            var refs: [Int] = []
            for (lon, lat) in corners {
                nodes += "  <node id=\"\(node)\" version=\"1\" timestamp=\"\(version)T09:00:00Z\" lat=\"\(lat)\" lon=\"\(lon)\"/>\n"
                refs.append(node)
                node += 1
            }
            refs.append(refs[0])
            ways += "  <way id=\"\(building.way)\" version=\"1\" timestamp=\"\(version)T10:00:00Z\">\n"
                + refs.map { "    <nd ref=\"\($0)\"/>\n" }.joined()
                + "    <tag k=\"building\" v=\"office\"/>\n    <tag k=\"name\" v=\"\(building.name)\"/>\n  </way>\n"
        }
        // A footpath, which tags-filter leaves out.
        ways += "  <way id=\"999\" version=\"1\" timestamp=\"\(version)T10:00:00Z\">\n    <nd ref=\"1\"/>\n    <nd ref=\"2\"/>\n"
            + "    <tag k=\"highway\" v=\"footway\"/>\n  </way>\n"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n" + nodes + ways + "</osm>\n"
    }

    /// osmium tags-filter + export: the buildings of `extract` as a GeoJSON sequence.
    func buildingsSequence(_ extract: String, name: String) throws -> String {
        let source = cli.directory.appendingPathComponent("\(name).osm")
        let filtered = cli.directory.appendingPathComponent("\(name)-buildings.osm")
        try extract.write(to: source, atomically: true, encoding: .utf8)
        let filter = try CommandLineTests.run(Self.osmium, ["tags-filter", source.path, "w/building", "r/building",
                                                            "-o", filtered.path, "--overwrite"])
        #expect(filter.status == 0, "\(filter.stderr)")
        let export = try CommandLineTests.run(Self.osmium, ["export", filtered.path, "-f", "geojsonseq",
                                                            "--attributes", "type,id,timestamp", "--geometry-types", "polygon",
                                                            "-o", "-"])
        #expect(export.status == 0, "\(export.stderr)")
        return export.stdout
    }

    @Test func aRefreshMovesAddsAndRetiresBuildingsAndKeepsTheRetiredFigures() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.osmium.path), "scripts/install-deps installs osmium-tool")
        let first = try buildingsSequence(Self.extract([
            (100, -0.0910, 51.5150, "Moving House"), (101, -0.0900, 51.5150, "Staying House"),
            (102, -0.0890, 51.5150, "Demolished House"),
        ], version: "2024-03-01"), name: "first")
        let firstFile = cli.directory.appendingPathComponent("first.geojsonseq")
        try first.write(to: firstFile, atomically: true, encoding: .utf8)
        let initial = try cli.cordon(["import", firstFile.path, "--source", "osm_city", "--db", db])
        #expect(initial.status == 0, "\(initial.stderr)")
        #expect(initial.stdout.contains("3 features: added 3, updated 0, unchanged 0, repaired 0, rejected 0"), "\(initial.stdout)")
        #expect(try cli.sqlite("SELECT group_concat(id || ' ' || source_dataset || ' ' || source_date, '; ') FROM (SELECT * FROM buildings ORDER BY id)")
                == "way/100 osm_city 2024-03-01; way/101 osm_city 2024-03-01; way/102 osm_city 2024-03-01")
        let figures = try cli.cordon(["figures", "set", "way/102", "--occupancy-day", "40", "--occupancy-night", "5",
                                      "--guards-day", "2", "--guards-night", "1", "--trauma-packs", "1",
                                      "--first-aid-kits", "2", "--defibrillators", "1", "--reception-capacity", "0", "--db", db])
        #expect(figures.status == 0, "\(figures.stderr)")

        // The second extract: way/100 moved 0.0003° east, way/101 as it was, way/102 gone, way/103 new.
        let second = try buildingsSequence(Self.extract([
            (100, -0.0907, 51.5150, "Moving House"), (101, -0.0900, 51.5150, "Staying House"),
            (103, -0.0910, 51.5160, "New House"),
        ], version: "2024-06-01"), name: "second")
        let refresh = try cli.cordon(["import", "-", "--refresh", Self.box, "--source", "osm_city", "--db", db], stdin: second)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stdout.contains("retired: way/102 (no longer in the source; figures and history kept)"), "\(refresh.stdout)")
        // way/101's nodes are new objects in the second extract, but its footprint and tags are
        // the same; its source date is the way's own edit date, which changed.
        #expect(refresh.stdout.contains("3 features: added 1, updated 2, unchanged 0, repaired 0, rejected 0, retired 1"),
                "\(refresh.stdout)")

        #expect(try cli.sqlite("SELECT count(*) FROM buildings") == "4")
        #expect(try cli.sqlite("SELECT group_concat(id, ' ') FROM (SELECT id FROM buildings WHERE retired_at IS NULL ORDER BY id)")
                == "way/100 way/101 way/103")
        #expect(try cli.sqlite("SELECT footprint_geojson LIKE '%[-0.0907,51.515]%' FROM buildings WHERE id = 'way/100'") == "1")
        #expect(try cli.sqlite("SELECT name || ' ' || source_date FROM buildings WHERE id = 'way/103'") == "New House 2024-06-01")
        #expect(try cli.sqlite("SELECT retired_at IS NOT NULL FROM buildings WHERE id = 'way/102'") == "1")
        #expect(try cli.sqlite("SELECT occupancy_day FROM site_figures WHERE building_id = 'way/102'") == "40")

        // A 300 m radius around the box covers all four footprints; the retired one is left out.
        let near = try cli.cordon(["near", "--lat", "51.5155", "--lon", "-0.0900", "--radius", "300", "--format", "csv", "--db", db])
        #expect(near.status == 0, "\(near.stderr)")
        #expect(near.stdout.contains("way/100") && near.stdout.contains("way/101") && near.stdout.contains("way/103"))
        #expect(!near.stdout.contains("way/102"))

        // The same extract again changes nothing and retires nothing more.
        let again = try cli.cordon(["import", "-", "--refresh", Self.box, "--source", "osm_city", "--db", db], stdin: second)
        #expect(again.stdout.contains("3 features: added 0, updated 0, unchanged 3, repaired 0, rejected 0"), "\(again.stdout)")
    }

    @Test func aRefreshAreaThatIsNotABoxIsRefusedWithTheFix() throws {
        let run = try cli.cordon(["import", "-", "--refresh", "51.5,-0.09", "--db", db], stdin: "")
        #expect(run.status == 2)
        #expect(run.stderr.contains("--refresh: is neither all nor four comma-separated numbers (got '51.5,-0.09')"), "\(run.stderr)")
    }
}

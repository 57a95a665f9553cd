import CordonCore
import CordonTestSupport
import Foundation
import GRDB
import Testing

/// Place search over the bundled Square Mile data.
@Suite struct SearchTests {
    static let gherkin = "way/4959489"

    /// The search index needs FTS5 in the SQLite the registry links (Debian's has it).
    @Test func theLinkedSQLiteHasFTS5() throws {
        let queue = try DatabaseQueue()
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT sqlite_compileoption_used('ENABLE_FTS5')") } == 1)
    }

    @Test(arguments: ["mary axe", "st mary axe", "30 ST MARY AXE", "30 Saint Mary Axe", "EC3A 8EP", "ec3a8ep", "way/4959489", "4959489"])
    func findsThirtyStMaryAxe(_ text: String) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let found = try await registry.search(text)
        #expect(found.first?.id == Self.gherkin, "\(text): \(found.map(\.id))")
        let first = try #require(found.first)
        #expect(first.label == "30 St Mary Axe")
        #expect(first.postcode == "EC3A 8EP")
        #expect(first.ward == "Aldgate")
        // A point on the footprint, close to the tower's centre.
        #expect(abs(first.position.latitude - 51.51447) < 0.0002 && abs(first.position.longitude - -0.08034) < 0.0003, "\(first.position)")
    }

    @Test func abbreviationsAndPrefixesFindLiverpoolStreet() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        for text in ["liverpool st", "Liverpool Street", "liverp", "LIVERPOOL STREET"] {
            let found = try await registry.search(text).map(\.id)
            #expect(found.first == "way/4959629", "\(text): \(found)")
            #expect(found.contains("way/82677869"), "\(text): the Travelodge is found too")
        }
    }

    @Test func resultsAreBoundedAndOrdered() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        // Every building of the ward matches; the limit holds, and ties are in id order.
        let aldgate = try await registry.search("aldgate", limit: 50)
        #expect(aldgate.count == 50)
        #expect(try await registry.search("aldgate", limit: 3).count == 3)
        #expect(try await registry.search("no such place anywhere").isEmpty)
    }

    @Test(arguments: [
        ("", "q: has no letters or digits to search for (got ''). Give a building's name, address, postcode, ward or id, e.g. 30 St Mary Axe or EC3A 8EP."),
        ("!!! ...", "q: has no letters or digits to search for (got '!!! ...'). Give a building's name, address, postcode, ward or id, e.g. 30 St Mary Axe or EC3A 8EP."),
        ("mary\u{0}axe", "q: contains the control character \\u0000 (got 'mary\\u0000axe'). Remove control characters such as NUL, line breaks, tabs or escape and send it again."),
        (String(repeating: "a", count: 201), "q: is longer than 200 characters (got '\(String(repeating: "a", count: 116))...). Give a building's name, address, postcode, ward or id in fewer words."),
        ("a b c d e f g h i j k l m", "q: has 13 words, more than 12 (got 'a b c d e f g h i j k l m'). Give fewer words: a name, an address or a postcode is enough."),
    ])
    func badSearchesAreRefusedNamingTheProblem(_ text: String, _ message: String) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let error = await #expect(throws: InputError.self) { try await registry.search(text) }
        #expect(error?.description == message)
    }

    @Test func quotesAndOperatorsAreOnlyText() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        // FTS5 syntax in the text is cut into plain words, never run.
        #expect(try await registry.search("\"mary\" OR axe* NEAR(") .isEmpty)
        #expect(try await registry.search("mary* axe\"").first?.id == Self.gherkin)
    }
}

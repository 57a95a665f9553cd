@testable import CordonCore
import Foundation
import Testing

@Suite struct JSONDepthTests {
    @Test func nestingPastTheLimitIsRefusedWithItsOffset() throws {
        let deep = Data((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)
        #expect(throws: JSONTooDeep(limit: 64, offset: 64)) { try JSONValue.parse(deep) }
        let mixed = Data((String(repeating: "{\"a\":[", count: 33) + "1" + String(repeating: "]}", count: 33)).utf8)
        #expect(throws: JSONTooDeep(limit: 64, offset: 6 * 32)) { try JSONValue.parse(mixed) }
    }

    @Test func nestingAtTheLimitAndBracketsInStringsAreAccepted() throws {
        let atLimit = Data((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8)
        #expect(try JSONValue.parse(atLimit).array?.count == 1)
        // Brackets and escaped quotes inside strings are text.
        let text = #"{"note": "\"[[[[{{{{\\" , "more": "\#(String(repeating: "[", count: 500))"}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value["note"]?.string == #""[[[[{{{{\"#)
        #expect(value["more"]?.string?.count == 500)
    }

    @Test func aKilobyteBombCostsNoDecoding() throws {
        // 512 levels: refused by the linear pre-scan, before JSONDecoder sees it.
        let bomb = Data((String(repeating: "{\"a\":", count: 512) + "1" + String(repeating: "}", count: 512)).utf8)
        #expect(throws: JSONTooDeep.self) { try JSONValue.parse(bomb) }
    }
}

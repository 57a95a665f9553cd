import Foundation

/// How place names are compared and searched: folded to lower case without diacritics, cut
/// into words of letters and digits (as the search index's unicode61 tokenizer cuts them), and
/// with the abbreviations of street names ("St" for Street and Saint, "Rd", "Sq") read as
/// the words they stand for.
enum PlaceText {
    /// Abbreviation -> the words it may stand for.
    static let expansions: [String: [String]] = [
        "st": ["street", "saint"], "rd": ["road"], "sq": ["square"], "ave": ["avenue"], "ln": ["lane"],
        "pl": ["place"], "ct": ["court"], "hse": ["house"], "gdns": ["gardens"], "bldgs": ["buildings"],
    ]
    /// Word -> its abbreviation.
    static let abbreviations: [String: String] = {
        var table: [String: String] = [:]
        for (short, words) in expansions { for word in words { table[word] = short } }
        return table
    }()

    /// "30 St. Mary-Axe" -> ["30", "st", "mary", "axe"].
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The form two names are compared in: "30 Saint Mary Axe" and "30 St Mary Axe" agree.
    static func canonical(_ text: String) -> String {
        words(text).map { abbreviations[$0] ?? $0 }.joined(separator: " ")
    }

    /// An FTS5 expression requiring every word, each as a prefix ("mary"*), an abbreviation
    /// also matching its words ("rd" -> "road"*) and a word also its abbreviation ("street" ->
    /// "st"). Words hold only letters and digits, so quoting them is enough to keep FTS5
    /// syntax out of the user's hands.
    static func matchExpression(_ words: [String]) -> String {
        words.map { word in
            var terms = ["\"\(word)\"*"]
            for expansion in expansions[word] ?? [] where !expansion.hasPrefix(word) { terms.append("\"\(expansion)\"*") }
            if let short = abbreviations[word] { terms.append("\"\(short)\"") }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }
}

import Foundation

/// Days on which the City keeps weekend hours besides Saturdays and Sundays: England and
/// Wales bank holidays, as dates in London. Extra days are declared by proclamation, so the
/// list is data: the bundled one (`englandAndWales`), or a file given by `--bank-holidays`
/// or `CORDON_BANK_HOLIDAYS` that replaces it.
public struct BankHolidays: Sendable, Equatable {
    /// Days as yyyymmdd numbers, for a cheap test per lookup.
    let days: Set<Int>
    public let names: [String: String]

    public init(_ dates: [(date: String, name: String)]) throws(InputError) {
        for (date, _) in dates where Self.dayNumber(date) == nil {
            throw InputError(field: "bank-holidays", value: "'\(date)'", problem: "is not a date",
                             fix: "Give each bank holiday as YYYY-MM-DD, e.g. 2026-12-25.")
        }
        self.init(checked: dates)
    }

    /// Dates already known to be valid (the bundled list, which a test checks); an invalid
    /// one would be left out, never misread.
    init(checked dates: [(date: String, name: String)]) {
        var days = Set<Int>(), names: [String: String] = [:]
        for (date, name) in dates {
            guard let day = Self.dayNumber(date) else { continue }
            days.insert(day)
            names[date] = name
        }
        self.days = days
        self.names = names
    }

    /// Reads a file of lines `YYYY-MM-DD[,name]`; blank lines and lines starting with # are
    /// skipped. Errors name the line.
    public static func read(file path: String) throws(InputError) -> BankHolidays {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: "bank-holidays", value: path, problem: "cannot be read",
                             fix: "Give the path of a text file with one YYYY-MM-DD date a line (a name may follow a comma).")
        }
        var dates: [(date: String, name: String)] = []
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard dayNumber(parts[0]) != nil else {
                throw InputError(field: "bank-holidays", value: "'\(line)' on line \(index + 1) of \(path)", problem: "is not a date",
                                 fix: "Write one date a line as YYYY-MM-DD, optionally followed by a comma and a name.")
            }
            dates.append((parts[0], parts.count > 1 ? parts[1] : ""))
        }
        return try BankHolidays(dates)
    }

    /// yyyymmdd for a valid calendar date written YYYY-MM-DD.
    static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= ISOTimeDays.inMonth(month, year: year)
        else { return nil }
        return year * 10_000 + month * 100 + day
    }

    func contains(year: Int, month: Int, day: Int) -> Bool {
        days.contains(year * 10_000 + month * 100 + day)
    }
}

enum ISOTimeDays {
    static func inMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

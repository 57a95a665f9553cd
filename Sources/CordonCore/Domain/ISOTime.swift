import Foundation

/// An ISO 8601 time as written, checked as a calendar time: `2026-02-30` and `25:00` are
/// refused rather than rolled over (Foundation's formatters read 30 February as 2 March),
/// and an offset must be one a real zone can have (within ±14:00).
struct ISOTime: Equatable {
    var year, month, day, hour, minute, second: Int
    var nanosecond = 0
    /// Seconds east of UTC; nil when the text names no zone.
    var offset: Int?

    /// Why text that looks like a time is not one: the problem and the fix for an InputError.
    struct Refusal: Error {
        let problem: String
        let fix: String
    }

    static let example = "Give a time like 2026-11-21T14:30:00Z, or 2026-11-21T14:30 for London local time."

    /// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]`.
    static func parse(_ text: String) throws(Refusal) -> ISOTime {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func skip(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        let notATime = Refusal(problem: "is not an ISO 8601 time", fix: example)
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2), skip("Tt"),
              let hour = number(2), skip(":"), let minute = number(2)
        else { throw notATime }
        var time = ISOTime(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
        if skip(":") {
            guard let second = number(2) else { throw notATime }
            time.second = second
            if skip(".") {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard (1...9).contains(index - start) else { throw notATime }
                let digits = String(decoding: bytes[start..<index], as: UTF8.self)
                time.nanosecond = (Int(digits) ?? 0) * Int(pow(10, Double(9 - digits.count)))
            }
        }
        if skip("Zz") {
            time.offset = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2) else { throw notATime }
            _ = skip(":")
            guard let minutes = number(2) else { throw notATime }
            guard minutes <= 59, hours * 60 + minutes <= 14 * 60 else {
                throw Refusal(problem: "has an offset of \(sign < 0 ? "-" : "+")\(two(hours)):\(two(minutes)), which no time zone has",
                              fix: "Give an offset from -14:00 to +14:00 with minutes 00 to 59, e.g. +01:00, or Z for UTC.")
            }
            time.offset = sign * (hours * 3_600 + minutes * 60)
        }
        guard index == bytes.count else { throw notATime }
        try time.checkCalendar()
        return time
    }

    private func checkCalendar() throws(Refusal) {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        guard (1...12).contains(month) else {
            throw Refusal(problem: "has month \(two(month)), which does not exist", fix: "Give a month from 01 to 12. " + Self.example)
        }
        let days = Self.days(inMonth: month, year: year)
        guard (1...days).contains(day) else {
            throw Refusal(problem: "is not a date: \(months[month - 1]) \(year) has \(days) days",
                          fix: "Give a day from 01 to \(days) for \(months[month - 1]) \(year).")
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw Refusal(problem: "is not a time of day: \(two(hour)):\(two(minute)):\(two(second))",
                          fix: "Give hours 00 to 23, minutes and seconds 00 to 59.")
        }
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The instant; a time without a zone is read in `zone` (London for the registry).
    func date(localZone zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components).map { $0.addingTimeInterval(Double(nanosecond) / 1e9) }
    }
}

private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

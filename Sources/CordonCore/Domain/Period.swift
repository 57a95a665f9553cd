import Foundation

/// Which set of live figures applies: occupancy and guards differ by day and by night, and
/// by day on weekend days (Saturdays, Sundays and bank holidays), when the City empties.
public enum Period: String, Sendable, Codable, CaseIterable {
    case day
    case night
    case weekend
}

/// The hours counted as day, in London local time (start inclusive, end exclusive).
public struct DayWindow: Sendable, Equatable {
    public let startHour: Int
    public let endHour: Int
    /// Days besides Saturdays and Sundays whose day hours take weekend figures.
    public let holidays: BankHolidays

    public static let standard = DayWindow(validStartHour: 7, endHour: 19, holidays: .englandAndWales)

    private init(validStartHour: Int, endHour: Int, holidays: BankHolidays) {
        self.startHour = validStartHour
        self.endHour = endHour
        self.holidays = holidays
    }

    /// The same hours with another list of bank holidays (`--bank-holidays FILE`).
    public func with(holidays: BankHolidays) -> DayWindow {
        DayWindow(validStartHour: startHour, endHour: endHour, holidays: holidays)
    }

    /// Parses "07-19" style text, as given in configuration.
    public static func parse(_ text: String, field: String = "day-hours") throws(InputError) -> DayWindow {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let start = parts[0], let end = parts[1],
              (0...23).contains(start), (1...24).contains(end), start < end
        else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a range of hours",
                             fix: "Give the day as START-END in whole hours, e.g. 07-19.")
        }
        return DayWindow(validStartHour: start, endHour: end, holidays: .englandAndWales)
    }

    /// Europe/London from the system's tz database (tzdata); UTC only if that is missing.
    public static let london: TimeZone = TimeZone(identifier: "Europe/London") ?? .gmt

    public func period(at instant: Date) -> Period {
        // London's offset is whole hours (0 or +1), so the local hour follows from the offset
        // alone; a Calendar per request cost more than the lookup's SQL.
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.london.secondsFromGMT(for: instant)
        let hour = ((seconds % 86_400) + 86_400) % 86_400 / 3_600
        guard (startHour..<endHour).contains(hour) else { return .night }
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday: with Monday 0, Saturday is 5 and Sunday 6.
        let weekday = ((days + 3) % 7 + 7) % 7
        if weekday >= 5 { return .weekend }
        let (year, month, day) = Self.civilDate(days)
        return holidays.contains(year: year, month: month, day: day) ? .weekend : .day
    }

    /// The calendar date `days` after 1970-01-01 (Howard Hinnant's days-to-civil algorithm).
    static func civilDate(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Parses the optional `at` time of a lookup.
public enum LookupTime {
    /// ISO 8601 with a zone ("2026-11-21T14:30:00Z", "...+01:00"), or without one, read as
    /// London local time ("2026-11-21T14:30"). Checked as a calendar time: 30 February, hour
    /// 24 or an offset beyond ±14:00 is refused, never rolled over into another time.
    public static func parse(_ text: String, field: String = "at") throws(InputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do throws(ISOTime.Refusal) {
            guard let date = try ISOTime.parse(trimmed).date(localZone: DayWindow.london) else {
                throw ISOTime.Refusal(problem: "is not an ISO 8601 time", fix: ISOTime.example)
            }
            return date
        } catch {
            throw InputError(field: field, value: "'\(text)'", problem: error.problem, fix: error.fix)
        }
    }

    /// "2026-11-21T14:30:00Z". Formatted by hand: ISO8601DateFormatter is costly to create
    /// and this runs for every response.
    public static func text(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

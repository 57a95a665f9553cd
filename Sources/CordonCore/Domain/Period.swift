import Foundation

/// Which set of live figures applies: occupancy and guards differ by day and by night.
public enum Period: String, Sendable, Codable, CaseIterable {
    case day
    case night
}

/// The hours counted as day, in London local time (start inclusive, end exclusive).
public struct DayWindow: Sendable, Equatable {
    public let startHour: Int
    public let endHour: Int

    public static let standard = DayWindow(validStartHour: 7, endHour: 19)

    private init(validStartHour: Int, endHour: Int) {
        self.startHour = validStartHour
        self.endHour = endHour
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
        return DayWindow(validStartHour: start, endHour: end)
    }

    /// Europe/London from the system's tz database (tzdata); UTC only if that is missing.
    public static let london: TimeZone = TimeZone(identifier: "Europe/London") ?? .gmt

    public func period(at instant: Date) -> Period {
        // London's offset is whole hours (0 or +1), so the local hour follows from the offset
        // alone; a Calendar per request cost more than the lookup's SQL.
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.london.secondsFromGMT(for: instant)
        let hour = ((seconds % 86_400) + 86_400) % 86_400 / 3_600
        return (startHour..<endHour).contains(hour) ? .day : .night
    }
}

/// Parses the optional `at` time of a lookup.
public enum LookupTime {
    /// ISO 8601 with a zone ("2026-11-21T14:30:00Z", "...+01:00"), or without one, read as
    /// London local time ("2026-11-21T14:30").
    public static func parse(_ text: String, field: String = "at") throws(InputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let zoned = ISO8601DateFormatter()
        zoned.formatOptions = [.withInternetDateTime]
        if let date = zoned.date(from: trimmed) { return date }
        zoned.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = zoned.date(from: trimmed) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_GB_POSIX")
        local.timeZone = DayWindow.london
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            local.dateFormat = format
            if let date = local.date(from: trimmed) { return date }
        }
        throw InputError(field: field, value: "'\(text)'", problem: "is not an ISO 8601 time",
                         fix: "Give a time like 2026-11-21T14:30:00Z, or 2026-11-21T14:30 for London local time.")
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

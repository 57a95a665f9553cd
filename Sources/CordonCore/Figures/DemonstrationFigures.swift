/// Generates deterministic demonstration figures for a building from its footprint area,
/// levels and type. Real per-building figures are not public; these are labelled
/// `demonstration` wherever they are shown. The model is documented in data/README.md:
/// change both together.
public enum DemonstrationFigures {
    public static let confirmedBy = "demonstration model"

    /// Office workers per m² of net internal area: 1 per 12 m² (UK Employment Density Guide
    /// 2015 gives 10-13 m²); net internal area is taken as 80 % of gross.
    static let officeAreaPerWorker = 12.0
    static let netToGross = 0.8
    static let residentialAreaPerResident = 40.0
    static let hotelAreaPerGuest = 35.0
    static let worshipAreaPerVisitor = 20.0
    static let floorHeight = 3.5

    public struct Input: Sendable {
        public let id: String
        public let footprintArea: Double
        public let levels: Double?
        public let height: Double?
        public let buildingType: String?

        public init(id: String, footprintArea: Double, levels: Double?, height: Double?, buildingType: String?) {
            self.id = id
            self.footprintArea = footprintArea
            self.levels = levels
            self.height = height
            self.buildingType = buildingType
        }
    }

    public static func figures(for input: Input) -> [Figure: Int] {
        let net = input.footprintArea * floors(input) * netToGross
        let (day, night) = occupancy(net: net, type: input.buildingType)
        let weekend = weekendOccupancy(day: day, night: night, type: input.buildingType)
        let most = max(day, night)
        let guardsDay = day < 50 ? (most >= 100 ? 1 : 0) : min(25, 1 + day / 400)
        let guardsNight = guardsDay == 0 ? 0 : max(1, guardsDay / 3)
        // Weekend days are guarded like nights, or by the day rule if more people are in.
        let guardsWeekend = guardsDay == 0 ? 0 : min(guardsDay, max(guardsNight, weekend < 50 ? 0 : 1 + weekend / 400))
        return [
            .occupancyDay: day,
            .occupancyNight: night,
            .guardsDay: guardsDay,
            .guardsNight: guardsNight,
            .occupancyWeekend: weekend,
            .guardsWeekend: guardsWeekend,
            .traumaPacks: most >= 50 ? 1 + most / 500 : 0,
            .firstAidKits: most > 0 ? 1 + most / 50 : 0,
            .defibrillators: most >= 200 ? 1 + most / 1_000 : 0,
            .receptionCapacity: receptionCapacity(input, most: most),
        ]
    }

    /// Storeys: the `building:levels` tag, else height / 3.5 m, else a default by size
    /// (most untagged City footprints are offices of several storeys; small ones are low).
    static func floors(_ input: Input) -> Double {
        if let levels = input.levels, levels > 0 { return max(1, levels) }
        if let height = input.height, height > 0 { return max(1, (height / floorHeight).rounded(.down)) }
        switch input.footprintArea {
        case ..<100: return 2
        case ..<400: return 4
        default: return 6
        }
    }

    static func occupancy(net: Double, type: String?) -> (day: Int, night: Int) {
        switch type {
        case "apartments", "residential", "house", "terrace", "dormitory":
            let residents = Int(net / residentialAreaPerResident)
            return (residents * 4 / 10, residents)
        case "hotel":
            let guests = Int(net / hotelAreaPerGuest)
            return (guests / 2, guests)
        case "church", "cathedral", "chapel", "place_of_worship":
            return (Int(net / worshipAreaPerVisitor), 0)
        default:
            let workers = Int(net / officeAreaPerWorker)
            return (workers, workers * 3 / 100)
        }
    }

    /// Weekend days (and bank holidays) by day: offices keep 5 % of their weekday workers;
    /// residents are more at home (60 % of the night's), hotels keep 70 % of the night's
    /// guests, and places of worship have their weekday visitors. Never more than the larger of
    /// day and night, so the equipment the model derives from that is unchanged.
    static func weekendOccupancy(day: Int, night: Int, type: String?) -> Int {
        switch type {
        case "apartments", "residential", "house", "terrace", "dormitory": night * 6 / 10
        case "hotel": night * 7 / 10
        case "church", "cathedral", "chapel", "place_of_worship": day
        default: day * 5 / 100
        }
    }

    /// About one large building in four offers survivor reception: 30 % of its ground floor
    /// at 1.5 m² per person, in tens, at most 2,000. Chosen by a stable hash of the id.
    static func receptionCapacity(_ input: Input, most: Int) -> Int {
        guard input.footprintArea >= 1_000, most >= 200, stableHash(input.id) % 4 == 0 else { return 0 }
        let people = Int(input.footprintArea * 0.3 / 1.5)
        return min(2_000, people / 10 * 10)
    }

    /// FNV-1a: unlike Swift's Hasher it is the same in every process and on every machine.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// The parts of a building's lookup output that do not depend on the lookup: its id, details,
/// footprint and figures as JSON text. A lookup writes each building by copying these and
/// adding only its distance (or containment), the period and the figures' staleness. The
/// in-memory radius index renders them once per building; other lookups as they go.
final class BuildingText: Sendable {
    /// `"name":…,"address":…,"postcode":…,"ward":…`
    let details: String
    /// `{"type":"Feature","id":…,"geometry":…,"properties":{` followed by the details.
    let feature: String
    /// `{"id":…,` followed by the details.
    let entry: String
    let figuresReported: Bool
    let dayFigures: [FigureText]
    let nightFigures: [FigureText]
    /// `,"confirmed_by":…,"demonstration_figures":…}`
    let tail: String

    /// One shown figure up to its staleness: `,"occupancy":120,"occupancy_confirmed_at":"…","occupancy_stale":`.
    struct FigureText: Sendable {
        let text: String
        let figure: Figure
        /// Nil when the figure is not reported (its staleness is then null).
        let confirmedAt: String?
    }

    init(_ match: BuildingMatch) {
        var details = "\"name\":"
        JSONText.appendOptional(match.name, to: &details)
        details += ",\"address\":"
        JSONText.appendOptional(match.address, to: &details)
        details += ",\"postcode\":"
        JSONText.appendOptional(match.postcode, to: &details)
        details += ",\"ward\":"
        JSONText.appendOptional(match.ward, to: &details)
        let id = JSONText.quoted(match.id)
        self.details = details
        feature = "{\"type\":\"Feature\",\"id\":" + id + ",\"geometry\":" + match.footprintGeoJSON + ",\"properties\":{" + details
        entry = "{\"id\":" + id + "," + details
        let figures = match.figures
        figuresReported = figures != nil
        func pieces(_ period: Period) -> [FigureText] {
            SiteFigures.shown(for: period).map { name, figure in
                let reported = figures?[figure]
                var text = ",\"" + name + "\":" + (reported.map { String($0.value) } ?? "null")
                text += ",\"" + name + "_confirmed_at\":"
                JSONText.appendOptional(reported?.confirmedAt, to: &text)
                text += ",\"" + name + "_stale\":"
                return FigureText(text: text, figure: figure, confirmedAt: reported?.confirmedAt)
            }
        }
        dayFigures = pieces(.day)
        nightFigures = pieces(.night)
        var tail = ",\"confirmed_by\":"
        JSONText.appendOptional(figures?[.occupancyDay]?.confirmedBy, to: &tail)
        tail += (figures?.demonstration ?? false) ? ",\"demonstration_figures\":true}" : ",\"demonstration_figures\":false}"
        self.tail = tail
    }
}

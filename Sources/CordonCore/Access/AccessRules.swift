/// The access rules, in one place for the command line and the HTTP service alike.
extension Actor {
    /// Lookups, building lists and maps show every building's figures: not for firms, who
    /// must never see other firms' data.
    public func mayLookUp() throws(AccessDenied) {
        guard isLocalOperator || role != .firm else {
            throw AccessDenied("organisation \(name) has the firm role, which reads only its own buildings' figures (GET /buildings/{id}/figures); lookups need a commander, planner or admin key")
        }
    }

    public func mayAdminister() throws(AccessDenied) {
        guard isLocalOperator || role == .admin else {
            throw AccessDenied("this needs an admin key; organisation \(name) has the \(role.rawValue) role")
        }
    }

    func mayReadFigures(of buildingID: String, managedBy: String?) throws(AccessDenied) {
        if isLocalOperator || role != .firm || managedBy == organisationID { return }
        throw notYours(buildingID)
    }

    func mayWriteFigures(of buildingID: String, managedBy: String?) throws(AccessDenied) {
        if isLocalOperator || role == .admin { return }
        guard role == .firm else {
            throw AccessDenied("figures are kept by the firm that manages the building; organisation \(name) has the \(role.rawValue) role")
        }
        guard managedBy == organisationID else { throw notYours(buildingID) }
    }

    /// Contacts: only the managing firm and commanders.
    /// Whether site contacts (control-room phone, e-mail) may be shown to this actor at all:
    /// commanders see every site's, a firm its own buildings' only (callers scope a firm to
    /// its own buildings first), planners and admins none.
    var mayReadContacts: Bool { isLocalOperator || role == .commander || role == .firm }

    func mayReadSite(of buildingID: String, managedBy: String?) throws(AccessDenied) {
        if isLocalOperator || role == .commander { return }
        guard role == .firm else {
            throw AccessDenied("contact details are visible only to the managing firm and to commanders; organisation \(name) has the \(role.rawValue) role")
        }
        guard managedBy == organisationID else { throw notYours(buildingID) }
    }

    func mayWriteSite(of buildingID: String, managedBy: String?) throws(AccessDenied) {
        if isLocalOperator { return }
        guard role == .firm else {
            throw AccessDenied("a building's contact is kept by the firm that manages it; organisation \(name) has the \(role.rawValue) role")
        }
        guard managedBy == organisationID else { throw notYours(buildingID) }
    }

    /// The same words whether the building exists or not, so a refusal reveals nothing.
    private func notYours(_ buildingID: String) -> AccessDenied {
        AccessDenied("organisation \(name) does not manage building \(buildingID)")
    }
}

/// Incidents and alerts.
extension Actor {
    /// Opening incidents, moving cordons and sending alerts: commanders.
    public func mayCommand() throws(AccessDenied) {
        guard isLocalOperator || role == .commander else {
            throw AccessDenied("incidents and alerts are run by commanders; organisation \(name) has the \(role.rawValue) role")
        }
    }

    /// Reading incidents, their zones and alert progress: everyone but firms, who read their
    /// own alerts through the feed.
    public func mayFollowIncidents() throws(AccessDenied) {
        guard isLocalOperator || role != .firm else {
            throw AccessDenied("organisation \(name) has the firm role, which reads its own alerts through GET /feed; incidents need a commander, planner or admin key")
        }
    }
}

/// Places and the caller's own list.
extension Actor {
    /// Searching places answers only what the building data publishes (names, addresses,
    /// postcodes, wards and a point), never figures or contacts: every key may search.
    public func maySearchPlaces() throws(AccessDenied) {}
}

extension Actor {
    /// Whose buildings `GET /me/buildings` lists: a firm's own (its organisation id); every
    /// building for commanders, planners and admins, who may read every building's figures
    /// anyway (nil). The list holds figures, never contact details.
    public var ownBuildingsScope: String? {
        role == .firm && !isLocalOperator ? organisationID : nil
    }

    /// Confirming many buildings' figures at once: the roles that may confirm one.
    func mayConfirmInBulk() throws(AccessDenied) {
        guard isLocalOperator || role == .firm || role == .admin else {
            throw AccessDenied("figures are confirmed by the firms that manage the buildings (or an admin); organisation \(name) has the \(role.rawValue) role")
        }
    }
}

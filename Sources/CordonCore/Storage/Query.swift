/// A named SQL statement from the project's `queries/` folder, embedded at build time.
public struct Query: Sendable, Hashable {
    public let name: String
    public let sql: String

    /// Fails loudly at first use if a name does not match a file: every name is also
    /// prepared against a scratch database in the test suite.
    init(_ name: String) {
        guard let sql = EmbeddedQueries.files[name] else {
            preconditionFailure("queries/\(name).sql is not embedded; rebuild after adding it")
        }
        self.name = name
        self.sql = sql
    }

    /// Every embedded statement that is not a migration.
    public static var all: [Query] {
        EmbeddedQueries.files.keys.filter { !$0.hasPrefix("schema/") }.sorted().map(Query.init)
    }

    /// Numbered migrations, in order.
    static var migrations: [Query] {
        EmbeddedQueries.files.keys.filter { $0.hasPrefix("schema/") }.sorted().map(Query.init)
    }
}

extension Query {
    static let radius = Query("lookup/radius")
    static let polygon = Query("lookup/polygon")
    static let radiusTotals = Query("lookup/radius_totals")
    static let lookupRevision = Query("lookup/revision")
    static let residentBuildings = Query("lookup/resident")
    static let polygonTotals = Query("lookup/polygon_totals")
    static let areaIsValid = Query("lookup/area_is_valid")
    static let buildingByID = Query("buildings/by_id")
    static let buildingsPage = Query("buildings/page")
    static let buildingsCount = Query("buildings/count")
    static let buildingsPageInArea = Query("buildings/page_in_area")
    static let buildingsCountInArea = Query("buildings/count_in_area")
    static let buildingExists = Query("import/building_exists")
    static let footprintCheck = Query("import/footprint_check")
    static let footprintRepair = Query("import/footprint_repair")
    static let buildingUpsert = Query("import/building_upsert")
    static let referenceAreaUpsert = Query("import/reference_area_upsert")
    static let seenInsert = Query("import/seen_insert")
    static let seenLocation = Query("import/seen_location")
    static let seenClear = Query("import/seen_clear")
    static let retireMissing = Query("import/retire_missing")
    static let organisationInsert = Query("access/organisation_insert")
    static let organisationByID = Query("access/organisation_by_id")
    static let organisationsAll = Query("access/organisations_all")
    static let keyInsert = Query("access/key_insert")
    static let keyByHash = Query("access/key_by_hash")
    static let keyByID = Query("access/key_by_id")
    static let keyRevoke = Query("access/key_revoke")
    static let sessionInsert = Query("sessions/insert")
    static let sessionByToken = Query("sessions/by_token")
    static let sessionByTokenAny = Query("sessions/by_token_any")
    static let sessionEnd = Query("sessions/end")
    static let cityMapBuildings = Query("lookup/map_buildings")
    static let referenceAreasAll = Query("lookup/reference_areas")
    static let siteByBuilding = Query("sites/site_by_building")
    static let siteAssign = Query("sites/assign")
    static let siteDetailsUpdate = Query("sites/details_update")
    static let figuresByBuilding = Query("figures/by_building")
    static let figuresWrite = Query("figures/write")
    static let figuresCreate = Query("figures/create")
    static let figuresHistory = Query("figures/history")
    static let figuresStale = Query("figures/stale")
    static let auditLast = Query("audit/last")
    static let auditAppend = Query("audit/append")
    static let auditAll = Query("audit/all")
    static let auditSearch = Query("audit/search")
    static let auditHead = Query("audit/head")
    static let auditFiguresCurrent = Query("audit/figures_current")
    static let auditFiguresHistory = Query("audit/figures_history")
    static let planBuffer = Query("plan/buffer")
    static let planCentroids = Query("plan/centroids")
    static let planCentres = Query("plan/centres")
    static let planGridPoint = Query("plan/grid_point")
    static let planBoundary = Query("plan/boundary")
    static let planFootprints = Query("plan/footprints")
    static let planNoData = Query("plan/no_data")
    static let statsCounts = Query("stats/counts")
    static let statsBySource = Query("stats/by_source")
    static let statsTotals = Query("stats/totals")
    static let statsCoverage = Query("stats/coverage")
    static let statsOldestFigures = Query("stats/oldest_figures")
}

extension Query {
    static let incidentInsert = Query("incidents/insert")
    static let incidentCordonInsert = Query("incidents/cordon_insert")
    static let incidentsCurrent = Query("incidents/current")
    static let incidentEvents = Query("incidents/events")
    static let incidentCordonHistory = Query("incidents/cordon_history")
    static let incidentClose = Query("incidents/close")
    static let incidentReach = Query("incidents/reach")
}

extension Query {
    static let alertInsert = Query("alerts/insert")
    static let alertRecipientInsert = Query("alerts/recipient_insert")
    static let alertByID = Query("alerts/by_id")
    static let alertRecipients = Query("alerts/recipients")
    static let alertRecipientFirm = Query("alerts/recipient_firm")
    static let alertAckInsert = Query("alerts/ack_insert")
    static let alertAcks = Query("alerts/acks")
    static let alertFootprints = Query("alerts/footprints")
    static let feedInsert = Query("alerts/feed_insert")
    static let feed = Query("alerts/feed")
    static let webhookByFirm = Query("alerts/webhook_by_firm")
    static let webhookSet = Query("alerts/webhook_set")
    static let webhookDelete = Query("alerts/webhook_delete")
    static let outboxInsert = Query("alerts/outbox_insert")
    static let outboxDue = Query("alerts/outbox_due")
    static let outboxDueFirms = Query("alerts/outbox_due_firms")
    static let outboxNext = Query("alerts/outbox_next")
    static let outboxResult = Query("alerts/outbox_result")
    static let outboxForFirm = Query("alerts/outbox_for_firm")
    static let checkpointOutboxInsert = Query("audit/checkpoint_outbox_insert")
    static let checkpointOutboxResult = Query("audit/checkpoint_outbox_result")
}

extension Query {
    static let coverageZones = Query("coverage/zones")
    static let coverageArea = Query("coverage/area")
}

extension Query {
    static let placePoints = Query("places/points")
    static let placesClear = Query("places/clear")
    static let placeSearchClear = Query("places/search_clear")
    static let placeInsert = Query("places/insert")
    static let placeSearchInsert = Query("places/search_insert")
    static let placesStale = Query("places/stale")
    static let placeSearch = Query("places/search")
    static let placesExtent = Query("places/extent")
}

extension Query {
    static let ownBuildings = Query("figures/own_buildings")
    static let managedIDs = Query("figures/managed_ids")
}

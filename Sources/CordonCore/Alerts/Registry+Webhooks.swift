import Crypto
import Foundation
import GRDB

/// A firm's webhook as it may be shown: the signing secret only when it is set.
public struct Webhook: Sendable, Equatable {
    public let firmID: String
    public let url: String
    public let setAt: String
    public let setBy: String
}

/// One POST the outbox owes an organisation: an alert to a firm, or a signed audit
/// checkpoint to an admin.
public struct WebhookDelivery: Sendable {
    public enum Kind: String, Sendable {
        case alert
        case checkpoint
    }

    public let kind: Kind
    /// The event id within its kind: the firm's feed event, or the checkpoint outbox row.
    public let eventID: Int
    public let firmID: String
    public let idempotencyKey: String
    public let payload: String
    public let attempts: Int
    /// Nil when the firm has removed its webhook since.
    public let url: String?
    public let secret: String?

    /// `sha256=` and the hex HMAC-SHA256 of the body under the webhook's secret, so the
    /// receiver can check the POST came from the registry.
    public func signature() -> String? {
        guard let secret else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + KeyMaterial.hex(Array(mac))
    }
}

/// How deliveries are made and failed ones retried: each attempt may take `timeout` seconds
/// (connecting included); delays double from `firstDelay` up to `maximumDelay`; given up
/// after `maximumAttempts`.
public struct WebhookRetryPolicy: Sendable, Equatable {
    public var firstDelay: Double
    public var maximumDelay: Double
    public var maximumAttempts: Int
    public var timeout: Double

    public static let standard = WebhookRetryPolicy(firstDelay: 1, maximumDelay: 300, maximumAttempts: 20, timeout: 10)

    public init(firstDelay: Double, maximumDelay: Double, maximumAttempts: Int, timeout: Double) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
        self.timeout = timeout
    }

    /// Seconds to wait after the `attempts`-th failure (1 for the first).
    public func delay(afterAttempts attempts: Int) -> Double {
        min(maximumDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
    }
}

/// What became of one delivery, for the firm to see why its webhook is quiet.
public struct DeliveryRecord: Sendable, Equatable {
    public let eventID: Int
    public let idempotencyKey: String
    public let attempts: Int
    public let deliveredAt: String?
    public let gaveUpAt: String?
    public let nextAttemptAt: String?
    public let lastError: String?
}

public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    case failed(String)
}

extension Registry {
    /// Sets (or replaces) the firm's or admin's webhook and returns its new signing secret,
    /// shown once. Firms receive their alerts there, admins the signed audit checkpoints.
    /// The host must resolve only to addresses `addresses` allows: public ones, unless the
    /// deployment lists more.
    public func setWebhook(url text: String, addresses: WebhookAddressPolicy, actor: Actor,
                           now: Date = Date()) async throws -> (Webhook, secret: String) {
        let firm = try actor.webhookOwner()
        _ = try TextInput.checked(text, field: "url")
        let host = try Self.webhookHost(text)
        _ = try await addresses.vet(host: host, field: "url", value: "'\(text.prefix(100))'")
        let secret = KeyMaterial.generate().secret
        let at = LookupTime.text(now)
        return try await database.write { db in
            try db.cachedStatement(sql: Query.webhookSet.sql).execute(arguments: [
                "firm_id": firm, "url": text, "secret": secret, "at": at, "by": actor.name,
            ])
            try AuditLog.append(AuditRecord(action: "webhook.set", targetType: "organisation", targetID: firm, organisationID: firm,
                                            after: JSONText.object([("url", JSONText.quoted(text))])), actor: actor, at: at, in: db)
            return (Webhook(firmID: firm, url: text, setAt: at, setBy: actor.name), secret)
        }
    }

    /// The host of an http or https URL, without brackets.
    public static func webhookHost(_ text: String) throws(InputError) -> String {
        guard text.count <= 2_000, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw InputError(field: "url", value: "'\(text.prefix(100))'", problem: "is not an http or https URL",
                             fix: "Give the address your control room receives alerts at, e.g. https://alerts.example.com/cordon.")
        }
        return host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    public func webhook(actor: Actor) async throws -> Webhook? {
        let firm = try actor.webhookOwner()
        return try await database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Query.webhookByFirm.sql), arguments: ["firm_id": firm]).map {
                Webhook(firmID: $0["firm_id"], url: $0["url"], setAt: $0["set_at"], setBy: $0["set_by"])
            }
        }
    }

    public func removeWebhook(actor: Actor, now: Date = Date()) async throws {
        let firm = try actor.webhookOwner()
        let at = LookupTime.text(now)
        try await database.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.webhookByFirm.sql), arguments: ["firm_id": firm]) else {
                throw NotFoundError(kind: "webhook", id: firm)
            }
            try db.cachedStatement(sql: Query.webhookDelete.sql).execute(arguments: ["firm_id": firm])
            try AuditLog.append(AuditRecord(action: "webhook.remove", targetType: "organisation", targetID: firm, organisationID: firm,
                                            before: JSONText.object([("url", JSONText.quoted(row["url"]))])), actor: actor, at: at, in: db)
        }
    }

    /// The firm's most recent deliveries, newest first.
    public func webhookDeliveries(limit: Int = 20, actor: Actor) async throws -> [DeliveryRecord] {
        let firm = try actor.webhookOwner()
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.outboxForFirm.sql), arguments: ["firm_id": firm, "limit": limit]).map { row in
                let delivered: String? = row["delivered_at"], gaveUp: String? = row["gave_up_at"]
                return DeliveryRecord(
                    eventID: row["id"], idempotencyKey: row["idempotency_key"], attempts: row["attempts"],
                    deliveredAt: delivered, gaveUpAt: gaveUp,
                    nextAttemptAt: delivered == nil && gaveUp == nil ? LookupTime.text(Date(timeIntervalSince1970: row["next_attempt_at"])) : nil,
                    lastError: row["last_error"])
            }
        }
    }

    /// The organisations (firms with alerts, admins with checkpoints) with deliveries due at `now`.
    public func firmsWithDueDeliveries(now: Date = Date()) async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(db.cachedStatement(sql: Query.outboxDueFirms.sql), arguments: ["now": now.timeIntervalSince1970])
        }
    }

    /// Deliveries due at `now` (for one firm, or all when `firm` is nil), oldest first.
    public func dueDeliveries(firm: String? = nil, now: Date = Date(), limit: Int = 50) async throws -> [WebhookDelivery] {
        try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.outboxDue.sql),
                             arguments: ["now": now.timeIntervalSince1970, "firm_id": firm, "limit": limit]).map { row in
                WebhookDelivery(kind: WebhookDelivery.Kind(rawValue: row["kind"]) ?? .alert, eventID: row["id"],
                                firmID: row["firm_id"], idempotencyKey: row["idempotency_key"],
                                payload: row["payload"], attempts: row["attempts"], url: row["url"], secret: row["secret"])
            }
        }
    }

    /// When the next pending delivery falls due; nil when nothing is pending.
    public func nextDeliveryDue() async throws -> Date? {
        try await database.read { db in
            try Double.fetchOne(db.cachedStatement(sql: Query.outboxNext.sql)).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Records one attempt. A failure is retried after the policy's delay, or given up.
    public func record(_ outcome: DeliveryOutcome, of delivery: WebhookDelivery, policy: WebhookRetryPolicy,
                       now: Date = Date()) async throws {
        let attempts = delivery.attempts + 1
        var deliveredAt: String?, gaveUpAt: String?, nextAttempt: Double?, error: String?
        switch outcome {
        case .delivered:
            deliveredAt = LookupTime.text(now)
        case .failed(let reason):
            error = String(reason.prefix(500))
            if attempts >= policy.maximumAttempts {
                gaveUpAt = LookupTime.text(now)
            } else {
                nextAttempt = now.timeIntervalSince1970 + policy.delay(afterAttempts: attempts)
            }
        }
        let (query, key) = delivery.kind == .alert ? (Query.outboxResult, "feed_id") : (Query.checkpointOutboxResult, "id")
        let arguments: StatementArguments = [key: delivery.eventID, "delivered_at": deliveredAt, "gave_up_at": gaveUpAt,
                                             "next_attempt_at": nextAttempt, "error": error]
        try await database.write { db in
            try db.cachedStatement(sql: query.sql).execute(arguments: arguments)
        }
    }
}

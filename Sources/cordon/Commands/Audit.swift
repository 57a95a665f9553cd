import ArgumentParser
import CordonCore
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The append-only audit log.", subcommands: [Verify.self, List.self, Keygen.self, Checkpoint.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole record: every hash and link, the signed checkpoints, and the figures tables.",
            discussion: """
                Names every broken, missing or rewritten row, not only the first. Exits 1 when anything \
                is wrong, 0 when the record is intact. Without checkpoints (--audit-checkpoints with \
                --audit-public-key or --audit-key) rows removed from the end, or a chain recomputed \
                after an edit, cannot be detected.
                """)
        @Option(name: .customLong("audit-public-key"), help: ArgumentHelp(
            "Public key file that checkpoints must be signed with (default: $CORDON_AUDIT_PUBLIC_KEY, else derived from --audit-key).",
            valueName: "file"))
        var auditPublicKey: String?
        @Option(help: "text (for people) or json.") var format: VerifyFormat = .text
        @OptionGroup var registry: RegistryOptions

        enum VerifyFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        func checkpoints() throws -> AuditCheckpointSet? {
            let file = registry.auditCheckpointsSetting
            let publicKey: AuditPublicKey?
            if let given = RegistryOptions.setting(auditPublicKey, "--audit-public-key", "CORDON_AUDIT_PUBLIC_KEY") {
                publicKey = try AuditPublicKey.read(path: given.value, field: given.field)
            } else if let key = registry.auditKeySetting {
                publicKey = try AuditSigningKey.read(path: key.value, field: key.field).publicKey
            } else {
                publicKey = nil
            }
            switch (file, publicKey) {
            case (nil, nil): return nil
            case (let file?, let publicKey?): return try AuditCheckpointSet.read(path: file.value, publicKey: publicKey, field: file.field)
            case (nil, _?):
                throw InputError(field: "--audit-checkpoints", value: "nothing", problem: "is needed to check against signed checkpoints",
                                 fix: "Give the checkpoints file (or set CORDON_AUDIT_CHECKPOINTS).")
            case (let file?, nil):
                throw InputError(field: "--audit-public-key", value: "nothing", problem: "is needed to check the signatures in \(file.value)",
                                 fix: "Give the public key file written by `cordon audit keygen` (or --audit-key).")
            }
        }

        func run() async throws {
            let checkpoints = try checkpoints()
            let result = try await registry.open().verifyAudit(checkpoints: checkpoints)
            if format == .json {
                print(result.json())
            } else {
                for finding in result.findings { printError(finding.description) }
                if result.isIntact {
                    print("audit log intact: \(result.rows) rows, every hash and link verified")
                    if let latest = result.latestCheckpoint {
                        print("checkpoints: \(result.checkpoints) signed and matching; the latest, of \(latest.at), signed row \(latest.seq); "
                              + "\(result.rowsAfterLatestCheckpoint) rows since")
                    }
                    print("figures: \(result.buildingsChecked) buildings agree with the audit log and their history")
                }
                if checkpoints == nil {
                    printError("note: no signed checkpoints given, so rows removed from the end or a recomputed chain "
                               + "cannot be detected; see --audit-checkpoints")
                }
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an Ed25519 key for signing audit checkpoints.",
            discussion: """
                Writes the private key to --out (mode 0600) and the public key to <out>.pub, and prints the \
                public key. Keep the private key out of the database's directory and its backups; give the \
                public key to whoever verifies.
                """)
        @Option(help: ArgumentHelp("Where to write the private key; must not exist yet.", valueName: "file")) var out: String

        func run() async throws {
            let key = AuditSigningKey.generate()
            let publicPath = out + ".pub"
            guard FileManager.default.fileExists(atPath: out) || !FileManager.default.fileExists(atPath: publicPath) else {
                throw InputError(field: "--out", value: out, problem: "has a public key file beside it already (\(publicPath))",
                                 fix: "Choose a new file name; an existing key is never overwritten.")
            }
            try key.write(to: out)
            guard FileManager.default.createFile(atPath: publicPath, contents: Data((key.publicKey.hex + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o644]) else {
                throw InputError(field: "--out", value: publicPath, problem: "cannot be created", fix: "Give a path in a directory you can write to.")
            }
            print(key.publicKey.hex)
            printError("wrote the signing key to \(out) (readable by you only) and its public key to \(publicPath)")
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of the audit log's newest row now.",
            discussion: "Needs --audit-key and --audit-checkpoints (or CORDON_AUDIT_KEY and CORDON_AUDIT_CHECKPOINTS).")
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            guard let checkpointer = try registry.checkpointer() else {
                throw InputError(field: "--audit-key", value: "nothing", problem: "is needed to sign a checkpoint",
                                 fix: "Give the key file written by `cordon audit keygen` (or set CORDON_AUDIT_KEY).")
            }
            let checkpoint = try await registry.open().checkpointAudit(with: checkpointer)
            print("checkpoint of row \(checkpoint.seq) (\(checkpoint.rows) rows, hash \(checkpoint.hash.prefix(12))…) at \(checkpoint.at) appended to \(checkpointer.file ?? "the log")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recent audit rows, newest first.")
        @Option(help: "Only rows about this building.") var building: String?
        @Option(help: "Only rows by or about this organisation.") var org: String?
        @Option(help: "How many rows.") var limit = 20
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let entries = try await registry.open().auditEntries(buildingID: building, organisationID: org, limit: limit)
            var table = TextTable(header: ["seq", "at", "actor", "channel", "action", "target"])
            table.numeric = [0]
            for entry in entries {
                table.rows.append(["\(entry.seq)", entry.at, entry.actor, entry.channel, entry.action, entry.targetID])
            }
            print(table.render(), terminator: "")
        }
    }
}

import CordonTestSupport
import Foundation

/// Validates a response body against a schema of the server's own OpenAPI document with
/// python3-jsonschema: the wire contract is checked on real answers, not restated in Swift.
/// OpenAPI 3.0's `nullable` becomes JSON Schema's "or null" first.
func schemaProblems(_ body: Data, schema name: String, document: Data, in directory: TemporaryDirectory) async throws -> String? {
    let id = UUID().uuidString
    let bodyFile = directory.path("body-\(id).json"), documentFile = directory.path("openapi-\(id).json")
    try body.write(to: URL(fileURLWithPath: bodyFile))
    try document.write(to: URL(fileURLWithPath: documentFile))
    let script = """
        import json, sys, jsonschema
        def nullable(node):
            if isinstance(node, dict):
                node = {k: nullable(v) for k, v in node.items()}
                if node.pop('nullable', False):
                    return {'anyOf': [node, {'type': 'null'}]}
                return node
            if isinstance(node, list):
                return [nullable(v) for v in node]
            return node
        document = nullable(json.load(open(sys.argv[1])))
        schema = {'$ref': '#/components/schemas/' + sys.argv[3], 'components': document['components']}
        errors = [e.message + ' at ' + '/'.join(map(str, e.absolute_path))
                  for e in jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2])))]
        print('; '.join(errors[:5]))
        sys.exit(1 if errors else 0)
        """
    let result = try await run(["python3", "-c", script, documentFile, bodyFile, name])
    return result.status == 0 ? nil : result.output
}

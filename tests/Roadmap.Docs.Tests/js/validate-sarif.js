// Validates SARIF files against the SARIF 2.1.0 JSON schema (draft-04) with ajv 6.
// Usage: node validate-sarif.js file.sarif [...]; prints "valid <file>" or the errors, exits 1 on any invalid file.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const draft04 = require("ajv/lib/refs/json-schema-draft-04.json");
const schemaPath = path.join(__dirname, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
const ajv = new Ajv({ schemaId: "id", allErrors: true, meta: false });
ajv.addMetaSchema(draft04);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = false;
for (const file of process.argv.slice(2)) {
  const ok = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  if (ok) {
    console.log("valid " + file);
  } else {
    failed = true;
    console.log("invalid " + file + "\n" + JSON.stringify(validate.errors, null, 2));
  }
}
process.exit(failed ? 1 : 0);

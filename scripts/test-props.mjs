/**
 * `npm run test:props`: runs only the property suites (every test/**\/*.prop.test.ts) through
 * `hardhat test`, passing extra arguments on (e.g. `-- --grep "<title>"`). Replay a reported
 * failure with PROP_SEED=<seed> PROP_PATH=<path> and `--grep` (test/support/propertyRuns.ts).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every `*.prop.test.ts` below test/, sorted. */
export function propertySuites(dir = join(ROOT, "test")) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return propertySuites(path);
      return name.endsWith(".prop.test.ts") ? [relative(ROOT, path)] : [];
    })
    .sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const suites = propertySuites();
  console.log(`test:props: ${suites.length} property suites: ${suites.join(", ")}`);
  const hardhat = join(ROOT, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");
  const run = spawnSync(process.execPath, [hardhat, "test", ...suites, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", ...process.env },
  });
  process.exitCode = run.status ?? 1;
}

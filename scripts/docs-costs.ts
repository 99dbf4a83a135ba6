/**
 * `npm run docs:costs`: rewrites the README's cost tables from the committed snapshots
 * (test/gas/snapshots/gas.json, canisters/adjudicator/benchmarks.json, ckb-scripts/cycles.json).
 * Run it after any `bench:*`; test/scripts/readmeCosts.test.ts fails until then.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCostSnapshots, renderCostTables, withCostTables } from "./lib/readmeCosts";

const root = join(__dirname, "..");
const path = join(root, "README.md");
const before = readFileSync(path, "utf8");
const after = withCostTables(before, renderCostTables(readCostSnapshots(root)));
writeFileSync(path, after);
console.log(
  after === before ? "docs:costs: README cost tables already up to date" : "docs:costs: README cost tables rewritten",
);

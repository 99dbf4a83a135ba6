/**
 * Writes canisters/adjudicator/benchmarks.json: IC-weighted instructions per method of the
 * adjudicator canister for 2 and 4 participants, measured in the test host, plus the wasm
 * size raw and gzipped. Usage: npm run bench:icp
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureCanister } from "../test/icp/bench/measureCanister";
import { renderBenchmarks } from "../test/icp/bench/renderBenchmarks";

async function main(): Promise<void> {
  const t0 = Date.now();
  const b = await measureCanister();
  const path = join(__dirname, "..", "canisters", "adjudicator", "benchmarks.json");
  writeFileSync(path, renderBenchmarks(b));
  console.log(`wrote ${path} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const fmt = (x: number) => `${(x / 1e6).toFixed(1)} M`;
  console.log(`wasm ${b.wasm.rawBytes} B raw, ${b.wasm.gzipBytes} B gzip; install ${fmt(b.install.instructions)}`);
  for (const [n, rows] of Object.entries(b.methods)) {
    for (const [name, r] of Object.entries(rows))
      console.log(
        `${n} participants  ${name.padEnd(28)} ${fmt(r.instructions).padStart(10)}  (largest message ${fmt(r.maxMessage)})`,
      );
  }
  for (const [name, r] of Object.entries(b.breakdown))
    console.log(`breakdown  ${name.padEnd(90)} ${fmt(r.instructions)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

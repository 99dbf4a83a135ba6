/**
 * `npm run bench`: runs every src/encoding/*.bench.ts side by side with its ethers v6
 * baseline in one tinybench run and prints ops/s and the ratio. Rows with a goal print
 * whether it was met; the process exits non-zero when a goal is missed, so a regression
 * shows up wherever the benchmark is run.
 *
 * BENCH_TIME_MS sets the measuring time per task (default 1000).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import type { BenchPair } from "../src/encoding/fixtures.bench";

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "src", "encoding");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts") && f !== "fixtures.bench.ts")
    .sort();
  const pairs: BenchPair[] = [];
  for (const f of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, f)) as { benchmarks: BenchPair[] };
    pairs.push(...mod.benchmarks);
  }
  // Order rows as the issue lists them: encode+hash, encode only, decode, sign, recover.
  const order = ["encode+hash", "encode only", "decode", "sign", "recover"];
  pairs.sort((a, b) => order.findIndex((o) => a.name.startsWith(o)) - order.findIndex((o) => b.name.startsWith(o)));

  const time = Number(process.env.BENCH_TIME_MS ?? 1000);
  const bench = new Bench({ time, warmupTime: Math.min(300, time) });
  for (const p of pairs) {
    bench.add(`ours: ${p.name}`, p.ours);
    bench.add(`ethers: ${p.name}`, p.ethers);
  }
  await bench.run();

  const hz = (name: string) => bench.getTask(name)?.result?.throughput.mean ?? NaN;
  const rows = pairs.map((p) => {
    const ours = hz(`ours: ${p.name}`);
    const theirs = hz(`ethers: ${p.name}`);
    const ratio = ours / theirs;
    return {
      benchmark: p.name,
      "ours ops/s": Math.round(ours).toLocaleString("en-US"),
      "ethers ops/s": Math.round(theirs).toLocaleString("en-US"),
      ratio: `${ratio.toFixed(1)}x`,
      goal: p.goal ? `>= ${p.goal}x ${ratio >= p.goal ? "met" : "MISSED"}` : "-",
      ok: !p.goal || ratio >= p.goal,
    };
  });
  console.log(`node ${process.version}, ${time} ms per task`);
  console.table(rows.map(({ ok: _ok, ...r }) => r));
  if (rows.some((r) => !r.ok)) {
    console.error("benchmark goal missed");
    process.exitCode = 1;
  }
}

void main();

import type { Shard } from "./shards";

/** What one shard process reported. */
export interface ShardResult {
  shard: Shard;
  /** Process exit status (null: killed by a signal). */
  status: number | null;
  /** Its whole output (mocha spec + the totals line). */
  output: string;
  ms: number;
  logPath?: string;
}

/** The reporter's closing "N passed, N failed, N skipped" line (test/support/totals-reporter.js). */
export function parseTotals(output: string): { passed: number; failed: number; skipped: number } | null {
  const all = [...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)];
  const m = all[all.length - 1];
  return m === undefined ? null : { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) };
}

/** fast-check's replay coordinates printed for a counterexample: `{ seed: S, path: "P" }`. */
export function counterexamples(output: string): { seed: number; path: string }[] {
  return [...output.matchAll(/seed: (-?\d+), path: "([\d:]+)"/g)].map((m) => ({ seed: Number(m[1]), path: m[2] }));
}

export interface Aggregate {
  passed: number;
  failed: number;
  skipped: number;
  /** Shards that failed a test, exited non-zero, or printed no totals line. */
  failedShards: number[];
  lines: string[];
}

/**
 * Per-shard lines, the replay command of every failing shard, and the totals. A shard without a
 * totals line (crashed, killed), with a non-zero exit, or that ran no test counts as one
 * failure even when it reported none.
 */
export function aggregate(results: ShardResult[], replay: (r: ShardResult) => string): Aggregate {
  const agg: Aggregate = { passed: 0, failed: 0, skipped: 0, failedShards: [], lines: [] };
  for (const r of results) {
    const t = parseTotals(r.output);
    const passed = t?.passed ?? 0;
    let failed = t?.failed ?? 0;
    // A crash, a non-zero exit, or a shard that ran no test at all (e.g. a --grep matching
    // nothing) must never read as a pass.
    if (t === null || r.status !== 0 || passed + failed === 0) failed = Math.max(failed, 1);
    agg.passed += passed;
    agg.failed += failed;
    agg.skipped += t?.skipped ?? 0;
    const what =
      t === null
        ? `no totals line (exit ${r.status})`
        : t.passed + t.failed === 0
          ? "ran no test"
          : `${passed} passed, ${failed} failed`;
    const log = r.logPath === undefined ? "" : ` — ${r.logPath}`;
    agg.lines.push(
      `shard ${r.shard.index}: seed ${r.shard.seed}, ${r.shard.runs} runs: ${what} in ${(r.ms / 1000).toFixed(1)} s${log}`,
    );
    if (failed > 0) {
      agg.failedShards.push(r.shard.index);
      agg.lines.push(`  replay: ${replay(r)}`);
      for (const c of counterexamples(r.output))
        agg.lines.push(`  counterexample: PROP_SEED=${c.seed} PROP_PATH=${c.path} (add --grep "<property title>")`);
    }
  }
  return agg;
}

import type { CanisterBenchmarks } from "./measureCanister";

/** Exact file contents of canisters/adjudicator/benchmarks.json. */
export function renderBenchmarks(b: CanisterBenchmarks): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

/**
 * The whole go-perun interop run, shared by `npm run test:go-perun` (runGoPerun.ts) and the mocha
 * test inside `npm test` (goPerun.test.ts): start the node and deploy, run `go test -json`, check
 * go-perun's exports with our TypeScript library, stop the node.
 */
import { checkGoPerunExports } from "./checkGoPerunExports";
import type { ExportCheck } from "./checkGoPerunExports";
import { startGoPerunEnvironment } from "./goPerunEnvironment";
import { runGoTestJson } from "./runGoTestJson";
import type { GasLine, GoTestResult, GoTestRun } from "./runGoTestJson";

/** The Go tests, in the order they run, with what each shows. */
export const GO_SCENARIOS: readonly { test: string; title: string }[] = [
  { test: "TestABI", title: "ABI: every function and event of go-perun's bindings matches our contracts" },
  {
    test: "TestBytecodeValidation",
    title: "bytecode checks: perun-eth-backend's optional Validate* refuse our contracts (known, skipped)",
  },
  {
    test: "TestCooperative",
    title: "open with ETH and an ERC-20, fund through go-perun's funder, update, cooperative close, withdraw",
  },
  {
    test: "TestDispute",
    title: "dispute: Bob registers a stale state, Alice's watcher refutes, conclude after the window, both withdraw",
  },
  {
    test: "TestSubChannelDispute",
    title:
      "sub-channel dispute: a stale sub-channel state is refuted by Bob's watcher, the stale conclude fails, the tree settles",
  },
  {
    test: "TestNestedSubChannels",
    title: "a depth-2 tree (ledger → sub → sub-sub) registered and concluded by go-perun's Settle, exact payouts",
  },
  {
    test: "TestSubChannelLongerWindow",
    title:
      "known incompatibility: a sub-channel window longer than its parent's → equal shares, go-perun's Withdraw gives up",
  },
];

export interface GoPerunSuiteRun {
  go: GoTestRun;
  checks: ExportCheck[];
  /** Seconds spent starting the node and deploying. */
  setupSeconds: number;
}

/** Runs everything; `log` gets progress lines, `onResult` each Go test as it finishes. */
export async function runGoPerunSuite(
  log: (line: string) => void,
  onResult: (r: GoTestResult) => void = () => undefined,
): Promise<GoPerunSuiteRun> {
  const t0 = Date.now();
  const env = await startGoPerunEnvironment(log);
  const setupSeconds = (Date.now() - t0) / 1000;
  try {
    log("go test: building and running (the first build downloads and compiles go-ethereum: minutes)");
    const go = await runGoTestJson(env.env, onResult);
    log(`go test: exit status ${go.status} after ${go.seconds.toFixed(1)} s`);
    const checks = checkGoPerunExports(env.outDir);
    return { go, checks, setupSeconds };
  } finally {
    env.stop();
  }
}

/** Gas per go-perun transaction kind over all scenarios: method → min, max, count. */
export function gasSummary(results: GoTestResult[]): Map<string, { min: number; max: number; count: number }> {
  const out = new Map<string, { min: number; max: number; count: number }>();
  const all: GasLine[] = results.flatMap((r) => r.gas);
  for (const g of all) {
    const key = g.reverted ? `${g.method} (reverted)` : g.method;
    const e = out.get(key) ?? { min: Infinity, max: 0, count: 0 };
    out.set(key, { min: Math.min(e.min, g.gas), max: Math.max(e.max, g.gas), count: e.count + 1 });
  }
  return out;
}

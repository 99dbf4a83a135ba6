/**
 * The committed gas snapshot: every canonical scenario's gas, upstream's figure, the ratio and
 * whether the goal is met. Written by `npm run bench:gas`, checked by
 * `gas-snapshot.test.ts`.
 */
import fs from "fs";
import path from "path";
import { REFERENCE } from "./scenarios";
import type { GasFigures, Scenario } from "./scenarios";

/** Where the snapshot lives (committed). */
export const SNAPSHOT_PATH = path.join(__dirname, "snapshots", "gas.json");

/** One scenario's entry. */
export interface SnapshotEntry {
  gas: number;
  upstream: number;
  /** gas / upstream, 3 decimals. */
  ratio: number;
  goal: number;
  goalMet: boolean;
}

/** The snapshot file. */
export interface GasSnapshot {
  description: string;
  compiler: unknown;
  scenarios: Record<Scenario, SnapshotEntry>;
}

/** Builds the snapshot from measured figures. */
export function buildSnapshot(figures: GasFigures, compiler: unknown): GasSnapshot {
  const scenarios = {} as Record<Scenario, SnapshotEntry>;
  for (const name of Object.keys(REFERENCE) as Scenario[]) {
    const { upstream, goal } = REFERENCE[name];
    const gas = figures[name];
    scenarios[name] = { gas, upstream, ratio: Math.round((gas / upstream) * 1000) / 1000, goal, goalMet: gas <= goal };
  }
  return {
    description:
      "Gas per canonical scenario (2 participants, 1 asset unless stated) on Hardhat's EVM; upstream = " +
      "perun-eth-contracts v1.0.0 on the same scenarios (issue 3). Regenerate with `npm run bench:gas`.",
    compiler,
    scenarios,
  };
}

/** Reads the committed snapshot, or undefined when there is none. */
export function readSnapshot(): GasSnapshot | undefined {
  if (!fs.existsSync(SNAPSHOT_PATH)) return undefined;
  return JSON.parse(fs.readFileSync(SNAPSHOT_PATH, "utf8")) as GasSnapshot;
}

/** Writes the snapshot (stable key order, trailing newline). */
export function writeSnapshot(snapshot: GasSnapshot): void {
  fs.mkdirSync(path.dirname(SNAPSHOT_PATH), { recursive: true });
  fs.writeFileSync(SNAPSHOT_PATH, `${JSON.stringify(snapshot, null, 2)}\n`);
}

/** A fixed-width table of the snapshot for the console. */
export function formatTable(snapshot: GasSnapshot): string {
  const rows = [["scenario", "gas", "upstream", "ratio", "goal", "met"]];
  for (const [name, e] of Object.entries(snapshot.scenarios)) {
    rows.push([
      name,
      e.gas.toLocaleString("en-US"),
      e.upstream.toLocaleString("en-US"),
      e.ratio.toFixed(3),
      `<= ${e.goal.toLocaleString("en-US")}`,
      e.goalMet ? "yes" : "NO",
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "))
    .join("\n");
}

/**
 * The chain-agnostic part of `npm start`: runs each chain's demo in turn, keeps going after a
 * chain fails (so one broken chain does not hide the others' results), and renders one cost
 * table per chain in that chain's unit.
 */
import { formatCount, renderTable } from "../lib/format";
import type { ChainDemo, ChainReport, DemoContext } from "./types";

/** A chain whose demo threw. */
export interface ChainFailure {
  chain: string;
  error: unknown;
}

/** Everything the runner learned. */
export interface DemoOutcome {
  reports: ChainReport[];
  failures: ChainFailure[];
  /** Wall-clock milliseconds per chain. */
  durations: Record<string, number>;
}

/** Runs every chain demo in order. Never throws for a chain's failure; see `failures`. */
export async function runDemo(chains: ChainDemo[], ctx: DemoContext): Promise<DemoOutcome> {
  const outcome: DemoOutcome = { reports: [], failures: [], durations: {} };
  for (const chain of chains) {
    const started = Date.now();
    try {
      outcome.reports.push(await chain.run(ctx));
    } catch (error) {
      outcome.failures.push({ chain: chain.chain, error });
    }
    outcome.durations[chain.chain] = Date.now() - started;
  }
  return outcome;
}

/** The closing table of one chain: every step with its cost, a subtotal per phase, a total. */
export function renderCostTable(report: ChainReport): string {
  const rows: (string[] | string)[] = [];
  let phase: string | undefined;
  let subtotal = 0n;
  const closePhase = (): void => {
    if (phase !== undefined) rows.push(["", `subtotal ${phase}`, "", formatCount(subtotal)]);
  };
  report.steps.forEach((s, i) => {
    if (s.phase !== phase) {
      closePhase();
      phase = s.phase;
      subtotal = 0n;
      rows.push(`[${phase}]`);
    }
    subtotal += s.cost;
    rows.push([String(i + 1), s.action, s.actor, formatCount(s.cost)]);
  });
  closePhase();
  const total = report.steps.reduce((sum, s) => sum + s.cost, 0n);
  rows.push(["", "total", "", formatCount(total)]);
  const title = `${report.chain}: ${report.unit} per step (${report.environment})`;
  return `${title}\n${renderTable(["#", "step", "who", report.unit], rows, ["right", "left", "left", "right"])}`;
}

/** Where `reportOutcome` writes: normal output and error output. */
export interface DemoOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Prints the closing part of a run — one cost table per chain that succeeded, the error of
 * each chain that failed, a verdict line — and returns the process exit status: 0 only when
 * every chain succeeded.
 */
export function reportOutcome(outcome: DemoOutcome, totalMs: number, output: DemoOutput): number {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  for (const report of outcome.reports) {
    output.out(`\n${renderCostTable(report)}`);
    output.out(`${report.chain}: ${report.checks} checks passed in ${seconds(outcome.durations[report.chain] ?? 0)}`);
  }
  for (const f of outcome.failures) {
    output.err(`\n${f.chain}: FAILED after ${seconds(outcome.durations[f.chain] ?? 0)}`);
    output.err(f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error));
  }
  if (outcome.failures.length > 0 || outcome.reports.length === 0) {
    const failed = outcome.failures.map((f) => f.chain).join(", ") || "no chain ran";
    output.err(`\nFAILED: ${failed} (${seconds(totalMs)})`);
    return 1;
  }
  output.out(`\nOK: ${outcome.reports.map((r) => r.chain).join(", ")} completed in ${seconds(totalMs)}`);
  return 0;
}

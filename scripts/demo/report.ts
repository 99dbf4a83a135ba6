/**
 * The closing part of `npm start`: one cost table per chain in its own unit (EVM gas, ICP
 * instructions, CKB cycles) with a subtotal per phase, one summary table of every phase across
 * the chains, a payout table, and the verdict — with the process exit status.
 */
import { formatAmount, formatCount, renderTable } from "../lib/format";
import type { ChainCosts, DemoPayout } from "./types";

/** What one run of the story produced (also when it failed half-way). */
export interface DemoRun {
  costs: ChainCosts[];
  payouts: DemoPayout[];
  /** Checks that passed. */
  checks: number;
  /** The error that stopped the story, if any. */
  failure?: unknown;
}

/** The cost table of one chain: every step with its cost, a subtotal per phase, a total. */
export function renderCostTable(costs: ChainCosts): string {
  const rows: (string[] | string)[] = [];
  let phase: string | undefined;
  let subtotal = 0n;
  const closePhase = (): void => {
    if (phase !== undefined) rows.push(["", `subtotal ${phase}`, "", formatCount(subtotal)]);
  };
  costs.steps.forEach((s, i) => {
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
  rows.push(["", "total", "", formatCount(totalCost(costs))]);
  const title = `${costs.chain}: ${costs.unit} per step (${costs.environment})`;
  return `${title}\n${renderTable(["#", "step", "who", costs.unit], rows, ["right", "left", "left", "right"])}`;
}

/** Sum of a chain's step costs. */
export function totalCost(costs: ChainCosts): bigint {
  return costs.steps.reduce((sum, s) => sum + s.cost, 0n);
}

/**
 * One row per phase (in the order phases first appear), one column per chain: that chain's
 * cost in the phase in its own unit and its number of on-chain steps; "-" where it had none.
 */
export function renderPhaseSummary(all: ChainCosts[]): string {
  const phases: string[] = [];
  for (const c of all) for (const s of c.steps) if (!phases.includes(s.phase)) phases.push(s.phase);
  const cell = (c: ChainCosts, steps: ChainCosts["steps"]): string =>
    steps.length === 0
      ? "-"
      : `${formatCount(steps.reduce((sum, s) => sum + s.cost, 0n))} (${steps.length} ${steps.length === 1 ? "step" : "steps"})`;
  const rows: string[][] = phases.map((phase) => [
    phase,
    ...all.map((c) =>
      cell(
        c,
        c.steps.filter((s) => s.phase === phase),
      ),
    ),
  ]);
  rows.push(["total", ...all.map((c) => cell(c, c.steps))]);
  return `costs per phase across the chains\n${renderTable(["phase", ...all.map((c) => `${c.chain} ${c.unit}`)], rows, [
    "left",
    ...all.map(() => "right" as const),
  ])}`;
}

/**
 * What each participant received: one row per channel and participant, one column per chain's
 * asset, in whole units (ICP: before the ledger's transfer fee, which the ledger burns).
 */
export function renderPayouts(payouts: DemoPayout[]): string {
  const columns: string[] = [];
  const rows = new Map<string, Map<string, string>>();
  for (const p of payouts) {
    const column = `${p.asset} (${p.chain})`;
    if (!columns.includes(column)) columns.push(column);
    const key = `${p.channel}\u0000${p.participant}`;
    if (!rows.has(key)) rows.set(key, new Map());
    rows.get(key)!.set(column, formatAmount(p.amount, p.decimals, "").trim());
  }
  const body = [...rows.entries()].map(([key, cells]) => [
    ...key.split("\u0000"),
    ...columns.map((c) => cells.get(c) ?? "-"),
  ]);
  return `payouts (whole units)\n${renderTable(["channel", "participant", ...columns], body, [
    "left",
    "left",
    ...columns.map(() => "right" as const),
  ])}`;
}

/** Where `reportOutcome` writes: normal output and error output. */
export interface DemoOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Prints the cost tables (also of a failed run: they show how far it got), the payouts, and
 * the verdict; returns the exit status: 0 only when the story completed without a failure.
 */
export function reportOutcome(run: DemoRun, totalMs: number, output: DemoOutput): number {
  const seconds = `${(totalMs / 1000).toFixed(1)} s`;
  for (const c of run.costs) output.out(`\n${renderCostTable(c)}`);
  if (run.costs.length > 0) output.out(`\n${renderPhaseSummary(run.costs)}`);
  if (run.payouts.length > 0) output.out(`\n${renderPayouts(run.payouts)}`);
  if (run.failure !== undefined) {
    const e = run.failure;
    output.err(`\nFAILED after ${run.checks} passed checks (${seconds}):`);
    output.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
  if (run.checks === 0) {
    output.err(`\nFAILED: nothing was checked (${seconds})`);
    return 1;
  }
  output.out(`\nOK: ${run.checks} checks passed on ${run.costs.map((c) => c.chain).join(", ")} in ${seconds}`);
  return 0;
}

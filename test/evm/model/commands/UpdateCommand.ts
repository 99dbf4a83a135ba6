import type fc from "fast-check";
import { SLACK } from "../act";
import {
  ASSETS,
  PHASE_DISPUTE,
  counterOf,
  everyone,
  isConcluded,
  latest,
  makeModelState,
  note,
  signBy,
  sum,
} from "../channelModel";
import type { Model, Real } from "../channelModel";

/** Time an honest participant keeps in hand before a window closes: it signs no update later. */
export const UPDATE_MARGIN = 600n;

/**
 * An off-chain update: all participants sign the next version with a random redistribution
 * of every asset's total (totals are conserved, as in a payment channel), the app counter
 * moved on, and sometimes the final flag. The honest participant signs only while the
 * channel is open or its dispute window has time left (then it refutes with the new state
 * before the window closes, see `honestStrategy`), never after a final state, and never while
 * a state is being force-executed. Nothing happens on-chain, so only the model changes.
 */
export class UpdateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly weights: number[][],
    readonly counterStep: number,
    readonly isFinal: boolean,
  ) {}

  check(m: Model): boolean {
    const ch = m.channels[this.channel];
    if (isConcluded(ch) || latest(ch).state.isFinal) return false;
    const rec = ch.record;
    return rec === undefined || (rec.phase === PHASE_DISPUTE && m.now + SLACK + UPDATE_MARGIN < rec.timeout);
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const prev = latest(ch).state;
    const balances = ASSETS.map((a) => redistribute(sum(prev.outcome.balances[a]), this.weights[a].slice(0, m.n)));
    const counter = ch.kind === "app" ? counterOf(prev) + BigInt(this.counterStep) : 0n;
    const state = makeModelState(real, ch, prev.version + 1n, balances, counter, this.isFinal);
    ch.history.push({ state, sigs: signBy(real, state, everyone(m.n)) });
    note(
      m,
      `update ch${ch.index} -> v${state.version} ${JSON.stringify(balances.map((r) => r.map(String)))}${this.isFinal ? " final" : ""}`,
    );
    return Promise.resolve();
  }

  toString(): string {
    return `Update(ch${this.channel}, ${JSON.stringify(this.weights)}, +${this.counterStep}${this.isFinal ? ", final" : ""})`;
  }
}

/** Splits `total` by `weights` (all to the last participant when every weight is zero). */
export function redistribute(total: bigint, weights: number[]): bigint[] {
  const w = weights.map(BigInt);
  const wsum = sum(w);
  if (wsum === 0n) return w.map((_, i) => (i === w.length - 1 ? total : 0n));
  const out = w.map((x) => (total * x) / wsum);
  out[out.length - 1] += total - sum(out);
  return out;
}

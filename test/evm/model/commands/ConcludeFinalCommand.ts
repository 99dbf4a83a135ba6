import type fc from "fast-check";
import type { Hex, State } from "../../../../src";
import { act } from "../act";
import { nameOf, participantOf, walletOf } from "../actors";
import { applyConcludeFinal, latest } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";
import { predictConcludeFinal } from "../predictions";

/** What is submitted to `concludeFinal`. */
export type ConcludeFinalMode = "latest" | "old" | "flaggedFinal" | "swappedSigs";

/**
 * `concludeFinal` by anyone: with the latest state (succeeds when it is final, at any phase
 * before conclusion, superseding a dispute), with an older signed state (not final: must
 * fail), with an older state whose final flag a malicious participant set after the fact
 * (its signatures no longer match), or with the latest state's signatures rotated out of
 * participant order.
 */
export class ConcludeFinalCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly mode: ConcludeFinalMode,
    readonly who: number,
    readonly pick: number,
  ) {}

  /** The latest state mostly once it is final; sometimes before, to see AdjudicatorStateNotFinal. */
  check(m: Model): boolean {
    return (
      this.mode === "old" ||
      this.mode === "flaggedFinal" ||
      latest(m.channels[this.channel]).state.isFinal ||
      this.pick % 5 === 0
    );
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const who = participantOf(m, this.who);
    let { state, sigs }: { state: State; sigs: Hex[] } = latest(ch);
    if (this.mode === "swappedSigs") {
      // Every signature is valid, but not in participant order.
      sigs = [...sigs.slice(1), sigs[0]];
    } else if (this.mode !== "latest") {
      ({ state, sigs } = ch.history[this.pick % ch.history.length]);
      if (this.mode === "flaggedFinal" && !state.isFinal) state = { ...state, isFinal: true };
    }
    const out = await act(
      m,
      real,
      `concludeFinal[${this.mode}] ch${ch.index} by ${nameOf(m, who)} v${state.version}`,
      () => real.adjudicator.connect(walletOf(m, real, who)).concludeFinal(ch.params, state, sigs),
      predictConcludeFinal(ch, state, sigs),
    );
    if (out.ok) applyConcludeFinal(ch, state, out.ts);
    await checkInvariants(m, real);
  }

  toString(): string {
    return `ConcludeFinal(ch${this.channel}, ${this.mode}, who ${this.who}, pick ${this.pick})`;
  }
}

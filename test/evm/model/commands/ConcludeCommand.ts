import type fc from "fast-check";
import { act } from "../act";
import { nameOf, participantOf, walletOf } from "../actors";
import { applyConclude } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";
import { concludableAt, predictConclude } from "../predictions";

/**
 * `conclude` by anyone: with the registered state (must succeed exactly when the window —
 * plus the force-execution window for an app channel still in DISPUTE — is over), or with
 * another state the participants once signed (must fail: not the registered state). Before
 * any registration it must fail with DisputeNotRegistered, after conclusion with
 * DisputeAlreadyConcluded.
 */
export class ConcludeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly registered: boolean,
    readonly who: number,
    readonly pick: number,
  ) {}

  /** Mostly after a registration and before conclusion; sometimes otherwise, for those errors. */
  check(m: Model): boolean {
    const rec = m.channels[this.channel].record;
    return (rec !== undefined && rec.phase !== 2) || this.pick % 6 === 0;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const who = participantOf(m, this.who);
    const state =
      this.registered && ch.record !== undefined ? ch.record.state : ch.history[this.pick % ch.history.length].state;
    const at = concludableAt(ch);
    const out = await act(
      m,
      real,
      `conclude ch${ch.index} by ${nameOf(m, who)} v${state.version}${this.registered ? " (registered)" : ""}`,
      () => real.adjudicator.connect(walletOf(m, real, who)).conclude(ch.params, state, []),
      predictConclude(m, ch, state),
    );
    if (out.ok) applyConclude(ch, at as bigint);
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Conclude(ch${this.channel}, ${this.registered ? "registered" : `history ${this.pick}`}, who ${this.who})`;
  }
}

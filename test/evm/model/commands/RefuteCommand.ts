import type fc from "fast-check";
import { maliciousOf } from "../actors";
import { PHASE_DISPUTE, latest } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";
import { predictRegister } from "../predictions";
import { sendRegister } from "../register";

/**
 * A refutation while a dispute is open: the honest participant submits its latest state; a
 * malicious one submits a state newer than the registered one but older than the latest (so
 * the refutation succeeds and the honest participant must refute again), or — when there is
 * none — any older state, which must fail as stale.
 */
export class RefuteCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly honest: boolean,
    readonly who: number,
    readonly pick: number,
  ) {}

  check(m: Model): boolean {
    return m.channels[this.channel].record?.phase === PHASE_DISPUTE;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const registered = ch.record?.version ?? 0n;
    let who = m.honest;
    let signed = latest(ch);
    if (!this.honest) {
      who = maliciousOf(m, this.who);
      const between = ch.history.filter((s) => s.state.version > registered && s.state.version < signed.state.version);
      const pool = between.length > 0 ? between : ch.history;
      signed = pool[this.pick % pool.length];
    }
    await sendRegister(m, real, ch, who, signed.state, signed.sigs, predictRegister(m, ch, signed.state), "refute");
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Refute(ch${this.channel}, ${this.honest ? "honest" : `mal ${this.who}`}, pick ${this.pick})`;
  }
}

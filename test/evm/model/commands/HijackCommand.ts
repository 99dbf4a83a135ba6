import type fc from "fast-check";
import { BACKEND_ETH, channelId, signState } from "../../../../src";
import type { Params, State } from "../../../../src";
import { act, prediction } from "../act";
import { maliciousOf, nameOf } from "../actors";
import { ASSETS, applyRegister, everyone, sum } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";

/**
 * The sub-channel hijack (see model.counterexamples.test.ts): a malicious participant opens a
 * parent ledger channel of its own (itself as the only participant, challenge duration 0)
 * whose locked allocation names one of the model's channels, registers it together with that
 * channel's registered (or any co-signed) state, and concludes the parent at once — which
 * would force-conclude the model's channel without its outcome. DESIGN.md §1 forbids the
 * result, so the pair of calls must not both succeed; which call refuses, and with which
 * custom error, is the contracts' choice.
 */
export class HijackCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly who: number,
    readonly pick: number,
  ) {}

  check(m: Model): boolean {
    return m.channels[this.channel].record?.phase !== 2;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const mal = maliciousOf(m, this.who);
    const victim = ch.record
      ? { state: ch.record.state, sigs: ch.history.find((s) => s.state === ch.record?.state)?.sigs }
      : ch.history[this.pick % ch.history.length];
    if (victim.sigs === undefined) return; // a force-executed state has no full signature set
    const victimState: State = victim.state;
    const parentParams: Params = {
      challengeDuration: 0n,
      nonce: 0xbad0n + BigInt(this.pick),
      participants: [real.parts[mal].participant],
      app: "0x0000000000000000000000000000000000000000",
      ledgerChannel: true,
      virtualChannel: false,
    };
    const parentState: State = {
      channelID: channelId(parentParams),
      version: 0n,
      outcome: {
        assets: victimState.outcome.assets,
        backends: victimState.outcome.assets.map(() => BACKEND_ETH),
        balances: ASSETS.map(() => [0n]),
        locked: [
          {
            ID: ch.id,
            balances: ASSETS.map((a) => sum(victimState.outcome.balances[a])),
            indexMap: everyone(m.n).map(() => 0n),
          },
        ],
      },
      appData: "0x",
      isFinal: false,
    };
    const parent = {
      params: parentParams,
      state: parentState,
      sigs: [signState(parentState, real.parts[mal].privateKey)],
    };
    const adj = real.adjudicator.connect(real.parts[mal].wallet);
    const sigs = victim.sigs;
    // Step 1 may succeed (registering a parent is legitimate); step 2 must then refuse.
    const reg = await act(
      m,
      real,
      `hijack: register parent of ch${ch.index} by ${nameOf(m, mal)} with v${victimState.version}`,
      () => adj.register(parent, [{ params: ch.params, state: victimState, sigs }]),
      { mustFail: [], mayFail: [{ name: "*" }] },
    );
    if (reg.ok) {
      applyRegister(ch, victimState, reg.ts);
      const p = prediction();
      p.mustFail.push({ name: "*" });
      await act(
        m,
        real,
        `hijack: conclude parent, force-concluding ch${ch.index} without its outcome`,
        () => adj.conclude(parentParams, parentState, [victimState]),
        p,
      );
    }
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Hijack(ch${this.channel}, who ${this.who}, pick ${this.pick})`;
  }
}

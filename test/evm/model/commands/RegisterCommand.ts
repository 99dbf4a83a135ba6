import type fc from "fast-check";
import { channelId } from "../../../../src";
import type { Hex, State } from "../../../../src";
import { prediction } from "../act";
import type { Prediction } from "../act";
import { addressOf, maliciousOf } from "../actors";
import { ASSETS, everyone, latest, makeModelState, signBy, sum } from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";
import { predictRegister, stateSigsError } from "../predictions";
import { sendRegister } from "../register";
import { mutateSignature, SIG_MUTATIONS } from "../signatureMutations";

/** What the registering participant submits. */
export type RegisterMode =
  | "honestLatest"
  | "stale"
  | "forged"
  | "mutatedState"
  | "mutatedSig"
  | "missingSig"
  | "wrongChannel"
  | "reorderedParticipants";

/**
 * `register` by the honest participant (its latest state) or by a malicious one: any fully
 * signed state it ever co-signed (usually a stale one), or a fake that must revert with the
 * exact error — a state signed in the honest participant's place, a signed state with its
 * balances changed, one signature tampered with (high s, bad v, wrong length, zero r), a
 * signature missing, another channel's state under this channel's parameters, or this
 * channel's state under parameters listing the same participants in another order.
 */
export class RegisterCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly channel: number,
    readonly mode: RegisterMode,
    readonly who: number,
    readonly pick: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.channel];
    const mal = maliciousOf(m, this.who);
    const who = this.mode === "honestLatest" ? m.honest : mal;
    const chosen = ch.history[this.pick % ch.history.length];
    let state: State = chosen.state;
    let sigs: Hex[] = chosen.sigs;
    let p: Prediction;
    switch (this.mode) {
      case "honestLatest":
        ({ state, sigs } = latest(ch));
        p = predictRegister(m, ch, state);
        break;
      case "stale":
        p = predictRegister(m, ch, state);
        break;
      case "forged": {
        // Everything to the malicious participant, a version above anything honest signed.
        const top = latest(ch).state;
        const balances = ASSETS.map((a) => everyone(m.n).map((i) => (i === mal ? sum(top.outcome.balances[a]) : 0n)));
        state = makeModelState(real, ch, top.version + 1n + BigInt(this.pick % 3), balances, 0n, false);
        if (ch.kind === "app") state = { ...state, appData: top.appData };
        sigs = everyone(m.n).map((i) => signBy(real, state, [i === m.honest ? mal : i])[0]);
        p = prediction();
        p.mustFail.push({ name: "SignatureSignerMismatch", args: [addressOf(real, m.honest), addressOf(real, mal)] });
        break;
      }
      case "mutatedState": {
        const rows = state.outcome.balances.map((r) => [...r]);
        rows[this.pick % 2][mal] += 1n + BigInt(this.pick);
        state = { ...state, outcome: { ...state.outcome, balances: rows } };
        p = prediction();
        p.mustFail.push(stateSigsError(ch, state, sigs) ?? { name: "unreachable: mutated state verified" });
        break;
      }
      case "mutatedSig": {
        const t = this.pick % m.n;
        const kind = SIG_MUTATIONS[Math.floor(this.pick / m.n) % SIG_MUTATIONS.length];
        const mutated = mutateSignature(sigs[t], kind, this.pick);
        sigs = sigs.map((s, i) => (i === t ? mutated.sig : s));
        p = prediction();
        p.mustFail.push(mutated.error);
        break;
      }
      case "missingSig":
        sigs = sigs.slice(0, m.n - 1);
        p = prediction();
        p.mustFail.push({ name: "SignatureCountMismatch", args: [BigInt(m.n), BigInt(m.n - 1)] });
        break;
      case "wrongChannel": {
        const other = m.channels[(this.channel + 1) % m.channels.length];
        ({ state, sigs } = latest(other));
        p = prediction();
        p.mustFail.push({ name: "AdjudicatorChannelIDMismatch", args: [ch.id, other.id] });
        break;
      }
      case "reorderedParticipants": {
        // The same people in another order are another channel; the signed state names this one.
        const params = { ...ch.params, participants: [...ch.params.participants.slice(1), ch.params.participants[0]] };
        p = prediction();
        p.mustFail.push({ name: "AdjudicatorChannelIDMismatch", args: [channelId(params), ch.id] });
        await sendRegister(m, real, { ...ch, params }, who, state, sigs, p, `register[${this.mode}]`);
        await checkInvariants(m, real);
        return;
      }
    }
    await sendRegister(m, real, ch, who, state, sigs, p, `register[${this.mode}]`);
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Register(ch${this.channel}, ${this.mode}, who ${this.who}, pick ${this.pick})`;
  }
}

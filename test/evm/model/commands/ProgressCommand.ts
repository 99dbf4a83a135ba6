import type fc from "fast-check";
import { hashState, signState } from "../../../../src";
import type { State } from "../../../../src";
import { SLACK, act } from "../act";
import { nameOf, walletOf } from "../actors";
import {
  APP_CHANNEL,
  ASSETS,
  CHALLENGE_DURATION,
  LEDGER_CHANNEL,
  PHASE_DISPUTE,
  PHASE_FORCEEXEC,
  counterData,
  counterOf,
  everyone,
  latest,
  sum,
} from "../channelModel";
import type { Model, Real } from "../channelModel";
import { checkInvariants } from "../invariants";
import { predictProgress } from "../predictions";

/** What the acting participant submits. */
export type ProgressMode =
  | "valid"
  | "wrongActor"
  | "badIncrement"
  | "versionSkip"
  | "sumChanged"
  | "badSig"
  | "staleOld"
  | "actorOutOfRange"
  | "ledgerChannel";

/**
 * Force execution (`progress`) on the CounterApp channel: the participant whose turn it is
 * moves the counter on by one and signs the new state alone — the honest one keeping the
 * balances, a malicious one taking everything (CounterApp does not protect balances, so the
 * adjudicator must accept it). The other modes break one rule each and must revert with its
 * error: not the actor's turn, a counter jump, a version jump, a changed total, a signature by
 * someone other than the actor, an old state that is not the registered one, an actor index
 * out of range, and `progress` on the payment channel (no app). Timing and phase rules (window
 * not over yet, force-execution window over, concluded) are predicted from the model.
 */
export class ProgressCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly mode: ProgressMode,
    readonly pick: number,
    readonly isFinal: boolean,
  ) {}

  /** Mostly when the model says the registered state can be force-executed now; sometimes anyway, for the timing errors. */
  check(m: Model): boolean {
    const rec = m.channels[this.mode === "ledgerChannel" ? LEDGER_CHANNEL : APP_CHANNEL].record;
    if (rec === undefined) return false;
    const open =
      rec.phase === PHASE_DISPUTE ? m.now >= rec.timeout : rec.phase === PHASE_FORCEEXEC && m.now + SLACK < rec.timeout;
    return open || this.pick % 4 === 0;
  }

  async run(m: Model, real: Real): Promise<void> {
    const ch = m.channels[this.mode === "ledgerChannel" ? LEDGER_CHANNEL : APP_CHANNEL];
    const old: State = ch.record?.state ?? latest(ch).state;
    const n = m.n;
    const counter = ch.kind === "app" ? counterOf(old) : 0n;
    const turn = Number(counter % BigInt(n));
    let actor = turn;
    let signer = turn;
    let stateOld = old;
    let balances =
      actor === m.honest
        ? old.outcome.balances.map((r) => [...r])
        : ASSETS.map((a) => everyone(n).map((i) => (i === actor ? sum(old.outcome.balances[a]) : 0n)));
    let next = counter + 1n;
    let version = old.version + 1n;
    switch (this.mode) {
      case "valid":
      case "ledgerChannel":
        break;
      case "wrongActor":
        actor = (turn + 1 + (this.pick % (n - 1))) % n;
        signer = actor;
        break;
      case "badIncrement":
        next = counter + 2n + BigInt(this.pick % 3);
        break;
      case "versionSkip":
        version = old.version + 2n + BigInt(this.pick % 3);
        break;
      case "sumChanged":
        balances[this.pick % 2][actor] += 1n;
        break;
      case "badSig":
        signer = (turn + 1 + (this.pick % (n - 1))) % n;
        break;
      case "staleOld": {
        const others = ch.history.filter((s) => hashState(s.state) !== ch.record?.stateHash);
        if (others.length > 0) stateOld = others[this.pick % others.length].state;
        break;
      }
      case "actorOutOfRange":
        actor = n + (this.pick % 3);
        signer = turn;
        break;
    }
    if (this.mode === "staleOld") {
      // The move is built on the stale state so that only the old-state check fails.
      balances = stateOld.outcome.balances.map((r) => [...r]);
      next = (ch.kind === "app" ? counterOf(stateOld) : 0n) + 1n;
      version = stateOld.version + 1n;
      actor = Number((next - 1n) % BigInt(n));
      signer = actor;
    }
    const state: State = {
      ...stateOld,
      version,
      outcome: { ...stateOld.outcome, balances },
      appData: ch.kind === "app" ? counterData(next) : stateOld.appData,
      isFinal: this.isFinal,
    };
    const sig = signState(state, real.parts[signer].privateKey);
    const p = predictProgress(m, ch, stateOld, state, actor, sig);
    const sender = actor < n ? actor : signer;
    const out = await act(
      m,
      real,
      `progress[${this.mode}] ch${ch.index} actor ${actor} (${nameOf(m, signer)} signs) v${state.version}`,
      () => real.adjudicator.connect(walletOf(m, real, sender)).progress(ch.params, stateOld, state, actor, sig),
      p,
    );
    if (out.ok) {
      ch.record = {
        timeout: state.isFinal ? out.ts : out.ts + CHALLENGE_DURATION,
        version: state.version,
        phase: PHASE_FORCEEXEC,
        stateHash: hashState(state),
        state,
      };
      if (actor !== m.honest) ch.maliciousProgress++;
    }
    await checkInvariants(m, real);
  }

  toString(): string {
    return `Progress(${this.mode}, pick ${this.pick}${this.isFinal ? ", final" : ""})`;
  }
}

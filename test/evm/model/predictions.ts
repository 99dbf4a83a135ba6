/**
 * What the adjudicator and the holders must answer to each action, derived from the model
 * alone. Each function lists every rule the action breaks (see `act.ts` for how a list is
 * judged); an action built to break exactly one rule therefore must revert with exactly that
 * error, with its arguments.
 */
import { hashState, recoverStateSigner, recoverWithdrawalAuthSigner } from "../../../src";
import type { Address, Hex, State, WithdrawalAuth } from "../../../src";
import type { ExpectedError } from "./expectCustomError";
import { addTimed, prediction, reached } from "./act";
import type { Prediction } from "./act";
import {
  ASSETS,
  CHALLENGE_DURATION,
  PHASE_CONCLUDED,
  PHASE_DISPUTE,
  PHASE_FORCEEXEC,
  counterOf,
  fundingIdOf,
  isConcluded,
  sum,
} from "./channelModel";
import type { ChannelModel, Model, Real } from "./channelModel";

/** The signature error for `sig` by someone other than `expected` (null when it is `expected`'s). */
export function signerError(expected: Address, recover: () => Address): ExpectedError | null {
  let recovered: Address;
  try {
    recovered = recover();
  } catch {
    // The library refuses to recover (zero address): the contract's ecrecover gives 0 as well.
    return { name: "SignatureZeroSigner", args: [] };
  }
  if (recovered.toLowerCase() === expected.toLowerCase()) return null;
  return { name: "SignatureSignerMismatch", args: [expected, recovered] };
}

/** The first signature error of a fully signed state, as `Sig.verifyAll` meets them in order. */
export function stateSigsError(ch: ChannelModel, state: State, sigs: readonly Hex[]): ExpectedError | null {
  const n = ch.params.participants.length;
  if (sigs.length !== n) return { name: "SignatureCountMismatch", args: [BigInt(n), BigInt(sigs.length)] };
  for (let i = 0; i < n; i++) {
    const err = signerError(ch.params.participants[i].ethAddress, () => recoverStateSigner(state, sigs[i]));
    if (err) return err;
  }
  return null;
}

/** `register` of one state (validly signed) in the channel's current record. */
export function predictRegister(m: Model, ch: ChannelModel, state: State): Prediction {
  const p = prediction();
  const rec = ch.record;
  if (rec === undefined || rec.stateHash === hashState(state)) return p;
  if (rec.version >= state.version) {
    p.mustFail.push({ name: "DisputeStaleVersion", args: [ch.id, rec.version, state.version] });
  }
  if (rec.phase !== PHASE_DISPUTE) {
    p.mustFail.push({ name: "DisputeWrongPhase", args: [ch.id, BigInt(rec.phase)] });
  } else {
    addTimed(p, reached(m, rec.timeout), { name: "DisputeTimeoutPassed", args: [ch.id, rec.timeout] });
  }
  return p;
}

/** The time after which `conclude` is allowed (an app channel still in DISPUTE waits one more duration). */
export function concludableAt(ch: ChannelModel): bigint | undefined {
  const rec = ch.record;
  if (rec === undefined) return undefined;
  return rec.phase === PHASE_DISPUTE && ch.kind === "app" ? rec.timeout + CHALLENGE_DURATION : rec.timeout;
}

/** `conclude` with `state` (no sub-channels). */
export function predictConclude(m: Model, ch: ChannelModel, state: State): Prediction {
  const p = prediction();
  const rec = ch.record;
  if (rec === undefined) {
    p.mustFail.push({ name: "DisputeNotRegistered", args: [ch.id] });
    return p;
  }
  const hash = hashState(state);
  if (rec.stateHash !== hash) p.mustFail.push({ name: "DisputeStateMismatch", args: [ch.id, rec.stateHash, hash] });
  if (rec.phase === PHASE_CONCLUDED) {
    p.mustFail.push({ name: "DisputeAlreadyConcluded", args: [ch.id] });
  } else {
    const at = concludableAt(ch) as bigint;
    const r = reached(m, at);
    addTimed(p, r === "yes" ? "no" : r === "no" ? "yes" : "maybe", {
      name: "DisputeTimeoutNotPassed",
      args: [ch.id, at],
    });
  }
  return p;
}

/** `concludeFinal` with `state` and `sigs`. */
export function predictConcludeFinal(ch: ChannelModel, state: State, sigs: readonly Hex[]): Prediction {
  const p = prediction();
  if (!state.isFinal) p.mustFail.push({ name: "AdjudicatorStateNotFinal", args: [ch.id] });
  const sigErr = stateSigsError(ch, state, sigs);
  if (sigErr) p.mustFail.push(sigErr);
  if (isConcluded(ch)) p.mustFail.push({ name: "DisputeAlreadyConcluded", args: [ch.id] });
  return p;
}

/** `progress(params, stateOld, state, actorIdx, sig)` where `signer` produced `sig`. */
export function predictProgress(
  m: Model,
  ch: ChannelModel,
  stateOld: State,
  state: State,
  actorIdx: number,
  sig: Hex,
): Prediction {
  const p = prediction();
  const rec = ch.record;
  const n = ch.params.participants.length;
  if (rec === undefined) {
    p.mustFail.push({ name: "DisputeNotRegistered", args: [ch.id] });
  } else if (rec.phase === PHASE_DISPUTE) {
    const r = reached(m, rec.timeout);
    addTimed(p, r === "yes" ? "no" : r === "no" ? "yes" : "maybe", {
      name: "DisputeTimeoutNotPassed",
      args: [ch.id, rec.timeout],
    });
  } else if (rec.phase === PHASE_FORCEEXEC) {
    addTimed(p, reached(m, rec.timeout), { name: "DisputeTimeoutPassed", args: [ch.id, rec.timeout] });
  } else {
    p.mustFail.push({ name: "DisputeWrongPhase", args: [ch.id, BigInt(rec.phase)] });
  }
  if (ch.kind !== "app") {
    p.mustFail.push({ name: "AdjudicatorNoApp", args: [ch.id] });
    return p;
  }
  if (actorIdx >= n) {
    p.mustFail.push({ name: "AdjudicatorActorIndexOutOfRange", args: [BigInt(actorIdx), BigInt(n)] });
    return p;
  }
  const oldHash = hashState(stateOld);
  if (rec !== undefined && rec.stateHash !== oldHash) {
    p.mustFail.push({ name: "DisputeStateMismatch", args: [ch.id, rec.stateHash, oldHash] });
  }
  const sigErr = signerError(ch.params.participants[actorIdx].ethAddress, () => recoverStateSigner(state, sig));
  if (sigErr) p.mustFail.push(sigErr);
  if (state.version !== stateOld.version + 1n) {
    p.mustFail.push({ name: "AdjudicatorVersionNotIncremented", args: [stateOld.version, state.version] });
  }
  if (stateOld.isFinal) p.mustFail.push({ name: "AdjudicatorProgressFromFinal", args: [ch.id] });
  for (const a of ASSETS) {
    const before = sum(stateOld.outcome.balances[a]);
    const after = sum(state.outcome.balances[a]);
    if (before !== after) {
      p.mustFail.push({ name: "AllocationSumMismatch", args: [BigInt(a), before, after] });
      break; // the contract stops at the first asset whose total changed
    }
  }
  const from = counterOf(stateOld);
  const turn = from % BigInt(n);
  if (BigInt(actorIdx) !== turn) p.mustFail.push({ name: "CounterAppNotYourTurn", args: [BigInt(actorIdx), turn] });
  else if (counterOf(state) !== from + 1n) {
    p.mustFail.push({ name: "CounterAppInvalidIncrement", args: [from, counterOf(state)] });
  }
  return p;
}

/** `withdraw(auth, sig)` from the holder of asset `asset`. */
export function predictWithdraw(
  ch: ChannelModel,
  real: Real,
  asset: number,
  auth: WithdrawalAuth,
  sig: Hex,
): Prediction {
  const p = prediction();
  if (!isConcluded(ch)) p.mustFail.push({ name: "AssetHolderNotSettled", args: [ch.id] });
  const sigErr = signerError(auth.participant.ethAddress, () => recoverWithdrawalAuthSigner(auth, sig));
  if (sigErr) p.mustFail.push(sigErr);
  const i = real.parts.findIndex((x) => x.address.toLowerCase() === auth.participant.ethAddress.toLowerCase());
  const available = ch.holdings[asset][i];
  // A G3 withdrawal takes the whole remaining balance or nothing (issue 15, finding 8).
  if (auth.amount !== available) {
    p.mustFail.push({
      name: "AssetHolderWithdrawalNotWhole",
      args: [fundingIdOf(ch, real, i), available, auth.amount],
    });
  }
  return p;
}

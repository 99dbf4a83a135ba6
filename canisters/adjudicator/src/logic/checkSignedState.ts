import { encodeParams } from "../../../../src/encoding/encodeParams";
import { encodeState } from "../../../../src/encoding/encodeState";
import { keccak256 } from "../../../../src/encoding/internal/crypto";
import { BACKEND_ICP } from "../../../../src/encoding/backends";
import { Refusal } from "./errors";
import { bytesEqual, isAllZero, key, MAX_PRINCIPAL_BYTES } from "./bytes";
import { encodingOrRefuse } from "./guards";
import { toLibraryParams, toLibraryState } from "./toLibrary";
import type { CandidParams, CandidState, IcpPayout } from "./types";

/** A state that passed every check: what dispute/conclude need to record and settle it. */
export interface CheckedState {
  channelID: Uint8Array;
  /** keccak256(abi.encode(state)). */
  stateHash: Uint8Array;
  participants: Uint8Array[];
  payouts: IcpPayout[];
}

/**
 * The checks shared by `dispute` and `conclude` before any signature is looked at (the
 * signatures, by far the most expensive part, are checked by {@link verifyStateSignatures}
 * after the caller's own cheap rules such as the version):
 * 1. every field is a valid value of its Solidity type (the library's encoders decide);
 * 2. the channel is of a kind this canister adjudicates: a ledger channel without app or
 *    virtual flag (those are EVM-only), whose locks hold no ICP asset;
 * 3. at least one participant, no participant twice (two funding IDs would collide);
 * 4. `state.channelID` is the hash of `params`;
 * 5. the outcome is rectangular: one backend and one balance row per asset, one balance per
 *    participant; an ICP ledger appears at most once (it would be paid twice otherwise);
 */
export function checkSignedState(params: CandidParams, state: CandidState): CheckedState {
  const p = toLibraryParams(params);
  const s = toLibraryState(state);
  const encodedParams = encodingOrRefuse(() => encodeParams(p));
  const encodedState = encodingOrRefuse(() => encodeState(s));

  if (!params.ledgerChannel) throw new Refusal({ UnsupportedChannel: { reason: "not a ledger channel" } });
  if (params.virtualChannel) throw new Refusal({ UnsupportedChannel: { reason: "virtual channel" } });
  if (!isAllZero(params.app)) throw new Refusal({ UnsupportedChannel: { reason: "app channel" } });

  const n = params.participants.length;
  if (n === 0) throw new Refusal({ InvalidParams: { reason: "no participants" } });
  const seen = new Set<string>();
  for (const x of params.participants) {
    const k = key(x.ethAddress);
    if (seen.has(k)) throw new Refusal({ InvalidParams: { reason: `participant ${k} appears twice` } });
    seen.add(k);
  }

  const channelID = keccak256(encodedParams);
  if (!bytesEqual(channelID, state.channelID)) {
    throw new Refusal({ ChannelIdMismatch: { expected: channelID, given: state.channelID } });
  }

  const { payouts, icpIndices } = icpPayouts(state, n);
  refuseLockedIcpAssets(state, icpIndices);

  const stateHash = keccak256(encodedState);
  return { channelID, stateHash, participants: params.participants.map((x) => x.ethAddress), payouts };
}

/**
 * The outcome's assets this canister pays: `backends[i] = chainID = BACKEND_ICP`,
 * `ethHolder = 0`, `ccHolder` = the ledger's principal bytes. Other chains' assets are
 * ignored (they settle there). A would-be ICP asset whose ccHolder cannot be a principal
 * (over 29 bytes) is ignored too: no deposit can exist on it, and refusing the state would
 * freeze the ICP assets that can be paid.
 */
function icpPayouts(state: CandidState, n: number): { payouts: IcpPayout[]; icpIndices: number[] } {
  const o = state.outcome;
  const m = o.assets.length;
  if (o.backends.length !== m)
    throw new Refusal({ InvalidOutcome: { reason: `${o.backends.length} backends for ${m} assets` } });
  if (o.balances.length !== m)
    throw new Refusal({ InvalidOutcome: { reason: `${o.balances.length} balance rows for ${m} assets` } });
  const payouts: IcpPayout[] = [];
  const icpIndices: number[] = [];
  const ledgers = new Set<string>();
  for (let i = 0; i < m; i++) {
    if (o.balances[i].length !== n) {
      throw new Refusal({
        InvalidOutcome: { reason: `asset ${i}: ${o.balances[i].length} balances for ${n} participants` },
      });
    }
    const a = o.assets[i];
    const ours = o.backends[i] === BACKEND_ICP && a.chainID === BACKEND_ICP && isAllZero(a.ethHolder);
    if (!ours || a.ccHolder.length > MAX_PRINCIPAL_BYTES) continue;
    const k = key(a.ccHolder);
    if (ledgers.has(k)) throw new Refusal({ InvalidOutcome: { reason: `ledger ${k} listed twice` } });
    ledgers.add(k);
    payouts.push({ ledger: a.ccHolder, balances: o.balances[i] });
    icpIndices.push(i);
  }
  return { payouts, icpIndices };
}

/**
 * Sub-allocations (locks) are settled by the chain that holds the locked asset; this canister has
 * no sub-channel logic, so it accepts a lock only when it locks nothing of an ICP asset it pays
 * (then the parent's ICP rows are the whole ICP outcome and it pays them; the EVM settles the
 * sub-channel). A positive ICP amount in a lock would be lost here, so such a state is refused
 * (UnsupportedChannel), exactly as the signing policy refuses to sign it ("locked-asset").
 * Whom it protects: the participant holding a newer state that locks only other chains' assets —
 * it refutes here too, so an older state cannot win on ICP (finding 1 of issue 14).
 */
function refuseLockedIcpAssets(state: CandidState, icpIndices: number[]): void {
  const m = state.outcome.assets.length;
  state.outcome.locked.forEach((lock, index) => {
    if (lock.balances.length !== m)
      throw new Refusal({
        InvalidOutcome: { reason: `lock ${index}: ${lock.balances.length} balances for ${m} assets` },
      });
    for (const i of icpIndices)
      if (lock.balances[i] !== 0n)
        throw new Refusal({
          UnsupportedChannel: { reason: `lock ${index} locks ${lock.balances[i]} of ICP asset ${i}` },
        });
  });
}

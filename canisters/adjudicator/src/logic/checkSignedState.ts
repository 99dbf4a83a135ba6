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
 * 2. the channel is of a kind this canister adjudicates: a ledger channel without app,
 *    sub-channels or virtual flag (those are EVM-only);
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
  if (state.outcome.locked.length !== 0) throw new Refusal({ UnsupportedChannel: { reason: "sub-channels" } });

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

  const payouts = icpPayouts(state, n);

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
function icpPayouts(state: CandidState, n: number): IcpPayout[] {
  const o = state.outcome;
  const m = o.assets.length;
  if (o.backends.length !== m)
    throw new Refusal({ InvalidOutcome: { reason: `${o.backends.length} backends for ${m} assets` } });
  if (o.balances.length !== m)
    throw new Refusal({ InvalidOutcome: { reason: `${o.balances.length} balance rows for ${m} assets` } });
  const payouts: IcpPayout[] = [];
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
  }
  return payouts;
}

import { ICP_CANISTER_MAX_ASSETS, ICP_CANISTER_MAX_PARTICIPANTS } from "../../../../src/encoding/icp/icpCanisterLimits";
import { Refusal } from "./errors";
import type { CandidParams, CandidState } from "./types";

/**
 * The refusals that cost next to nothing, run first by `dispute` and `conclude` — before any
 * ABI encoding, hashing or signature recovery (≈ 200 M instructions each), because the canister
 * pays for every update it executes: a channel past the bounds the canister is measured at
 * (src/encoding/icp/icpCanisterLimits.ts; every exit path fits 20 B instructions there) and a
 * signature list of the wrong length.
 */
export function cheapRefusals(params: CandidParams, state: CandidState, signatures: Uint8Array[]): void {
  const n = params.participants.length;
  if (n > ICP_CANISTER_MAX_PARTICIPANTS)
    throw new Refusal({ TooManyParticipants: { max: ICP_CANISTER_MAX_PARTICIPANTS, given: n } });
  const m = state.outcome.assets.length;
  if (m > ICP_CANISTER_MAX_ASSETS) throw new Refusal({ TooManyAssets: { max: ICP_CANISTER_MAX_ASSETS, given: m } });
  if (signatures.length !== n) throw new Refusal({ SignatureCount: { expected: n, given: signatures.length } });
}

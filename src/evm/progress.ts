/** Force execution of an app channel after its dispute window: `Adjudicator.progress`. */
import type { Overrides } from "ethers";
import { encodeState } from "../index";
import type { Hex, Params, State } from "../index";
import type { Adjudicator } from "../../typechain/evm/Adjudicator";
import { sendContractTx } from "./sendContractTx";
import type { EvmReceipt } from "./sendContractTx";

/** What `progress` needs: the registered state, the next one, and the actor's signature on it. */
export interface ProgressRequest {
  params: Params;
  /** The currently registered state. */
  from: State;
  /** The new state; `App.validTransition(params, from, to, actorIdx)` must accept it. */
  to: State;
  /** Index of the participant who signed `to`. */
  actorIdx: bigint;
  /** The actor's signature on `to` (library `signState`). */
  sig: Hex;
}

/** `Adjudicator.progress(params, from, to, actorIdx, sig)`. */
export async function progress(
  adjudicator: Adjudicator,
  request: ProgressRequest,
  overrides: Overrides = {},
): Promise<EvmReceipt> {
  encodeState(request.from);
  encodeState(request.to);
  const { params, from, to, actorIdx, sig } = request;
  return sendContractTx("Adjudicator.progress", () => adjudicator.progress(params, from, to, actorIdx, sig, overrides));
}

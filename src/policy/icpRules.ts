import type { Params, State } from "../encoding/types";
import { nonEvmChannelRules } from "./nonEvmChannelRules";
import type { AssetChains } from "./types";

/**
 * The Internet Computer canister's column of the policy (canisters/adjudicator): a ledger
 * channel without app or virtual flag whose locks hold no ICP asset; the canister then accepts
 * the state and pays its own rows (the bounds are in `limits.ts`).
 *
 * @throws PolicyUnsupportedError (chain "icp").
 */
export function icpRules(params: Params, state: State, assets: AssetChains): void {
  nonEvmChannelRules("icp", params, state, assets);
}

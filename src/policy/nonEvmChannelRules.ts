import type { Params, State } from "../encoding/types";
import { PolicyUnsupportedError } from "../errors/signingPolicyErrors";
import type { PolicyChain } from "./limits";
import type { AssetChains } from "./types";

/**
 * What every chain other than the EVM adjudicates: ledger channels only — no app (only the EVM
 * runs `progress`, so after the window an app channel could settle a later version there that no
 * other chain sees: DESIGN.md §10 "Apps across chains"), no virtual channel, not itself a
 * sub-channel — and locks only of other chains' assets: a sub-allocation may lock an EVM asset
 * (the EVM settles the sub-channel), but never a positive amount of an asset of `chain`, which
 * has no sub-channel logic and would pay the parent's rows only, losing the locked funds.
 *
 * @throws PolicyUnsupportedError with `chain` and `rule` "app", "virtual-channel",
 *   "not-ledger-channel" or "locked-asset".
 */
export function nonEvmChannelRules(
  chain: Exclude<PolicyChain, "evm">,
  params: Params,
  state: State,
  assets: AssetChains,
): void {
  if (BigInt(params.app) !== 0n) {
    throw new PolicyUnsupportedError(`${chain} does not run apps: an app channel may hold EVM assets only`, {
      chain,
      rule: "app",
      app: params.app,
    });
  }
  if (params.virtualChannel) {
    throw new PolicyUnsupportedError(`${chain} does not adjudicate virtual channels`, {
      chain,
      rule: "virtual-channel",
    });
  }
  if (!params.ledgerChannel) {
    throw new PolicyUnsupportedError(`${chain} does not adjudicate sub-channels`, {
      chain,
      rule: "not-ledger-channel",
    });
  }
  state.outcome.locked.forEach((lock, index) => {
    lock.balances.forEach((amount, asset) => {
      if (assets.perAsset[asset] === chain && amount !== 0n) {
        throw new PolicyUnsupportedError(`a sub-allocation locks an asset of ${chain}, which has no sub-channels`, {
          chain,
          rule: "locked-asset",
          index,
          asset,
          amount,
        });
      }
    });
  });
}

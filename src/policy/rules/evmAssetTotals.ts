import { PolicyAssetError } from "../../errors/signingPolicyErrors";
import { assetTotal } from "../internal/outcome";
import { EVM_MAX_ASSET_TOTAL } from "../limits";
import type { PolicySubject } from "../types";

/**
 * Every EVM asset's total (balances plus every lock) fits in uint256. The adjudicator adds the
 * sub-channels' outcomes into the parent's rows and the asset holder sums the outcome against
 * its holdings, both in checked arithmetic: a total past 2^256 − 1 reverts every conclude, and
 * the channel's deposits freeze. No deposit can reach such a total, so an honest client never
 * needs to sign one.
 *
 * @throws PolicyAssetError, chain "evm", rule "asset-total".
 */
export function evmAssetTotals({ state, assets }: PolicySubject): void {
  assets.perAsset.forEach((chain, asset) => {
    if (chain !== "evm") return;
    const total = assetTotal(state, asset);
    if (total > EVM_MAX_ASSET_TOTAL) {
      throw new PolicyAssetError("an EVM asset's total does not fit in uint256", {
        chain: "evm",
        rule: "asset-total",
        asset,
        limit: EVM_MAX_ASSET_TOTAL,
        given: total,
      });
    }
  });
}

import { PolicyAssetError } from "../../errors/signingPolicyErrors";
import { assetTotal } from "../internal/outcome";
import { CKB_MAX_CKBYTES_TOTAL, CKB_MAX_UDT_TOTAL } from "../limits";
import type { PolicySubject } from "../types";

/**
 * Every CKB asset's total fits the type CKB counts it in: CKBytes are u64 shannons of capacity
 * (each participant funds its balance as capacity, and the closing transaction's outputs must
 * carry them; a total past 2^64 − 1 overflows the transaction's capacity sum, which the node
 * refuses), UDT amounts are u128 (the UDT type script sums inputs and outputs). Past those, the
 * channel can never be fully funded or never closed, and every deposit waits for an abort.
 *
 * @throws PolicyAssetError, chain "ckb", rule "asset-total".
 */
export function ckbAssetTotals({ state, assets }: PolicySubject): void {
  assets.perAsset.forEach((chain, asset) => {
    if (chain !== "ckb") return;
    const limit = state.outcome.assets[asset].ccHolder === "0x" ? CKB_MAX_CKBYTES_TOTAL : CKB_MAX_UDT_TOTAL;
    const total = assetTotal(state, asset);
    if (total > limit) {
      throw new PolicyAssetError("a CKB asset's total does not fit the type CKB counts it in", {
        chain: "ckb",
        rule: "asset-total",
        asset,
        limit,
        given: total,
      });
    }
  });
}

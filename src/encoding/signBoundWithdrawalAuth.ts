import type { Hex } from "./types";
import type { BoundWithdrawalAuth } from "./encodeBoundWithdrawalAuth";
import { encodeBoundWithdrawalAuth } from "./encodeBoundWithdrawalAuth";
import { signData } from "./signData";

/**
 * The library's default withdrawal signature: {@link signData} over
 * {@link encodeBoundWithdrawalAuth}, accepted by `AssetHolder.withdrawBound` exactly once, at
 * `bound.holder`, on chain `bound.chainID`, while the funding ID's nonce is `bound.nonce`.
 * Prefer it to the G3 {@link signWithdrawalAuth}, whose signature anyone can replay (README,
 * "Security model").
 */
export function signBoundWithdrawalAuth(bound: BoundWithdrawalAuth, privateKey: Hex | Uint8Array): Hex {
  return signData(encodeBoundWithdrawalAuth(bound), privateKey);
}

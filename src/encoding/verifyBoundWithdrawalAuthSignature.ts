import type { Address, Hex } from "./types";
import type { BoundWithdrawalAuth } from "./encodeBoundWithdrawalAuth";
import { encodeBoundWithdrawalAuth } from "./encodeBoundWithdrawalAuth";
import { verifyDataSignature } from "./verifyDataSignature";

/**
 * True iff `signature` is an accepted signature by `signer` on the bound withdrawal
 * authorisation (what `AssetHolder.withdrawBound` checks, apart from the nonce's current
 * value); `false`/throw rules as in {@link verifyDataSignature}.
 */
export function verifyBoundWithdrawalAuthSignature(
  bound: BoundWithdrawalAuth,
  signature: Uint8Array | Hex,
  signer: Address,
): boolean {
  return verifyDataSignature(encodeBoundWithdrawalAuth(bound), signature, signer);
}

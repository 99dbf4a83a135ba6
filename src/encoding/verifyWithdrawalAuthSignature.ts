import type { Address, Hex, WithdrawalAuth } from "./types";
import { encodeWithdrawalAuth } from "./encodeWithdrawalAuth";
import { verifyDataSignature } from "./verifyDataSignature";

/**
 * True iff `signature` is an accepted signature by `signer` on the withdrawal
 * authorisation; `false`/throw rules as in {@link verifyDataSignature}.
 */
export function verifyWithdrawalAuthSignature(
  auth: WithdrawalAuth,
  signature: Uint8Array | Hex,
  signer: Address,
): boolean {
  return verifyDataSignature(encodeWithdrawalAuth(auth), signature, signer);
}

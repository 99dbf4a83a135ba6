import type { Hex, WithdrawalAuth } from "./types";
import { encodeWithdrawalAuth } from "./encodeWithdrawalAuth";
import { signData } from "./signData";

/**
 * Signature authorising an EVM withdrawal through the G3 `AssetHolder.withdraw`: {@link signData}
 * over `abi.encode(auth)`. Kept for go-perun compatibility; the message binds no holder, chain
 * or nonce, so anyone can replay it (README, "Security model"). The default is
 * {@link signBoundWithdrawalAuth} for `withdrawBound`.
 */
export function signWithdrawalAuth(auth: WithdrawalAuth, privateKey: Hex | Uint8Array): Hex {
  return signData(encodeWithdrawalAuth(auth), privateKey);
}

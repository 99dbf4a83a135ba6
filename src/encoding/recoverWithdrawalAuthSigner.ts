import type { Address, Hex, WithdrawalAuth } from "./types";
import { encodeWithdrawalAuth } from "./encodeWithdrawalAuth";
import { recoverDataSigner } from "./recoverDataSigner";

/** Who signed a withdrawal authorisation (lowercase), under the acceptance policy. */
export function recoverWithdrawalAuthSigner(auth: WithdrawalAuth, signature: Uint8Array | Hex): Address {
  return recoverDataSigner(encodeWithdrawalAuth(auth), signature);
}

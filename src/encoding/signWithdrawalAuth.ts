import type { Hex, WithdrawalAuth } from "./types";
import { encodeWithdrawalAuth } from "./encodeWithdrawalAuth";
import { signData } from "./signData";

/** Signature authorising an EVM withdrawal: {@link signData} over `abi.encode(auth)`. */
export function signWithdrawalAuth(auth: WithdrawalAuth, privateKey: Hex | Uint8Array): Hex {
  return signData(encodeWithdrawalAuth(auth), privateKey);
}

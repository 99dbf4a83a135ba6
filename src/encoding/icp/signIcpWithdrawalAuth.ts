import type { Hex } from "../types";
import type { IcpWithdrawalAuth } from "./IcpWithdrawalAuth";
import { signData } from "../signData";
import { encodeIcpWithdrawalAuth } from "./encodeIcpWithdrawalAuth";

/** Signature authorising an ICP withdrawal: {@link signData} over `abi.encode(auth)`. */
export function signIcpWithdrawalAuth(auth: IcpWithdrawalAuth, privateKey: Hex | Uint8Array): Hex {
  return signData(encodeIcpWithdrawalAuth(auth), privateKey);
}

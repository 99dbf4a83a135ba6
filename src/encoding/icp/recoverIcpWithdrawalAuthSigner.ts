import type { Address, Hex } from "../types";
import type { IcpWithdrawalAuth } from "./IcpWithdrawalAuth";
import { recoverDataSigner } from "../recoverDataSigner";
import { encodeIcpWithdrawalAuth } from "./encodeIcpWithdrawalAuth";

/**
 * Who signed an ICP withdrawal authorisation (lowercase address), under the shared
 * acceptance policy (the canister calls exactly this).
 *
 * @throws SignatureError subclasses for every policy violation; EncodingError for a bad auth.
 */
export function recoverIcpWithdrawalAuthSigner(auth: IcpWithdrawalAuth, signature: Uint8Array | Hex): Address {
  return recoverDataSigner(encodeIcpWithdrawalAuth(auth), signature);
}

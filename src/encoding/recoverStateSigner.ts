import type { Address, Hex, State } from "./types";
import { encodeState } from "./encodeState";
import { recoverDataSigner } from "./recoverDataSigner";

/**
 * Who signed `state` (lowercase address), under the acceptance policy.
 * @throws SignatureError subclasses; EncodingError if `state` itself is invalid.
 */
export function recoverStateSigner(state: State, signature: Uint8Array | Hex): Address {
  return recoverDataSigner(encodeState(state), signature);
}

import type { Address, Hex, State } from "./types";
import { encodeState } from "./encodeState";
import { verifyDataSignature } from "./verifyDataSignature";

/**
 * True iff `signature` is an accepted signature by `signer` on `state`; see
 * {@link verifyDataSignature} for what is `false` and what throws.
 */
export function verifyStateSignature(state: State, signature: Uint8Array | Hex, signer: Address): boolean {
  return verifyDataSignature(encodeState(state), signature, signer);
}

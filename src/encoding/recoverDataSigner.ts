import type { Address, Hex } from "./types";
import { toBytes } from "./internal/hex";
import { ethSignedMessageDigest } from "./hashEthSignedMessage";
import { recoverDigestSigner } from "./signaturePolicy";

/**
 * Recovers who signed `data` (eth_sign over keccak256(data)) under the acceptance policy.
 * Returns the lowercase address.
 *
 * @throws SignatureError subclasses for every policy violation.
 */
export function recoverDataSigner(data: Uint8Array | Hex, signature: Uint8Array | Hex): Address {
  const bytes = data instanceof Uint8Array ? data : toBytes(data, "data");
  return recoverDigestSigner(ethSignedMessageDigest(bytes), signature);
}

import { SignatureError } from "../errors/signatureErrors";
import type { Address, Hex } from "./types";
import { normalizeAddress } from "./normalizeAddress";
import { recoverDataSigner } from "./recoverDataSigner";
import { assertExpectedSigner } from "./signaturePolicy";

/**
 * True iff `signature` is an accepted signature by `signer` over `data`. Any signature
 * policy violation (including a different signer) is `false`; a malformed `signer` or
 * `data` is a caller bug and still throws its EncodingError.
 */
export function verifyDataSignature(data: Uint8Array | Hex, signature: Uint8Array | Hex, signer: Address): boolean {
  const expected = normalizeAddress(signer, "signer");
  try {
    assertExpectedSigner(recoverDataSigner(data, signature), expected);
    return true;
  } catch (e) {
    if (e instanceof SignatureError) return false;
    throw e;
  }
}

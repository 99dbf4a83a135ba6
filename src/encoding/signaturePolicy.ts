import { InvalidByteLengthError, InvalidValueTypeError } from "../errors/encodingErrors";
import {
  SignatureHighSError,
  SignatureLengthError,
  SignatureRecoveryError,
  SignatureRRangeError,
  SignatureRZeroError,
  SignatureSignerMismatchError,
  SignatureSZeroError,
  SignatureVError,
  SignatureZeroAddressError,
} from "../errors/signatureErrors";
import type { Address, Hex } from "./types";
import { keccak256, secp256k1 } from "./internal/crypto";
import {
  SIGNATURE_RULE_HIGH_S,
  SIGNATURE_RULE_LENGTH,
  SIGNATURE_RULE_R_RANGE,
  SIGNATURE_RULE_R_ZERO,
  SIGNATURE_RULE_S_ZERO,
  SIGNATURE_RULE_V,
  signatureRuleViolation,
} from "./signatureRules";
import { bytesToHex, toBytes } from "./internal/hex";
import { normalizeAddress } from "./normalizeAddress";

/**
 * THE signature acceptance policy of DESIGN.md section 2 — the only place in TypeScript
 * where it is written down. Everything that accepts a signature (the library's recover/
 * verify helpers, the ICP canister, the CKB scripts' off-chain builders) goes through
 * {@link parseSignature} and {@link recoverDigestSigner}, and the Solidity and CKB
 * implementations are tested against these functions for identical accept/reject.
 *
 * Rules, checked in this order (each violation has its own error class):
 * 1. exactly 65 bytes `r ‖ s ‖ v` (EIP-2098 64-byte compact form is refused);
 * 2. `v ∈ {27, 28}` (0/1 and EIP-155 style values are refused);
 * 3. `0 < r < n`;
 * 4. `0 < s ≤ n/2` (low-s only: each signature has exactly one accepted encoding);
 * 5. recovery succeeds and the recovered address is not zero;
 * 6. (when a signer is expected) the recovered address equals it.
 */

/** A signature that passed rules 1–4. */
export interface ParsedSignature {
  r: bigint;
  s: bigint;
  v: 27 | 28;
  /** `v - 27`, the y-parity recovery bit. */
  recovery: 0 | 1;
}

/** Applies rules 1–4 to a 65-byte `r ‖ s ‖ v` signature given as bytes or 0x-hex. */
export function parseSignature(signature: Uint8Array | Hex): ParsedSignature {
  const sig = signature instanceof Uint8Array ? signature : toBytes(signature, "signature");
  // The byte-level rules (signatureRules.ts) decide; this function only names the failure.
  switch (signatureRuleViolation(sig)) {
    case SIGNATURE_RULE_LENGTH:
      throw new SignatureLengthError(sig.length);
    case SIGNATURE_RULE_V:
      throw new SignatureVError(sig[64]);
    case SIGNATURE_RULE_R_ZERO:
      throw new SignatureRZeroError();
    case SIGNATURE_RULE_R_RANGE:
      throw new SignatureRRangeError(wordToBigInt(sig, 0));
    case SIGNATURE_RULE_S_ZERO:
      throw new SignatureSZeroError();
    case SIGNATURE_RULE_HIGH_S:
      throw new SignatureHighSError(wordToBigInt(sig, 32));
  }
  const v = sig[64] as 27 | 28;
  return { r: wordToBigInt(sig, 0), s: wordToBigInt(sig, 32), v, recovery: v === 27 ? 0 : 1 };
}

/**
 * Rules 1–5: recovers the signer's address (lowercase) from a 32-byte digest.
 * @throws SignatureError subclasses.
 */
export function recoverDigestSigner(digest: Uint8Array, signature: Uint8Array | Hex): Address {
  assertDigest(digest);
  const { r, s, recovery } = parseSignature(signature);
  let publicKey: Uint8Array;
  try {
    publicKey = new secp256k1.Signature(r, s, recovery).recoverPublicKey(digest).toBytes(false);
  } catch (cause) {
    // r is in range but is not the x-coordinate of a curve point (or recovery hit infinity).
    throw new SignatureRecoveryError(cause);
  }
  const hash = keccak256(publicKey.subarray(1));
  let nonZero = 0;
  for (let i = 12; i < 32; i++) nonZero |= hash[i];
  if (nonZero === 0) throw new SignatureZeroAddressError();
  return bytesToHex(hash, 12, 32);
}

/**
 * Rule 6: throws {@link SignatureSignerMismatchError} unless `recovered` is `expected`
 * (any accepted address spelling; compared case-insensitively after validation).
 */
export function assertExpectedSigner(recovered: Address, expected: Address): void {
  const want = normalizeAddress(expected, "expected signer");
  if (recovered.toLowerCase() !== want) throw new SignatureSignerMismatchError(want, recovered);
}

/** A digest is exactly 32 bytes; anything else is a caller bug, not a bad signature. */
export function assertDigest(digest: unknown): asserts digest is Uint8Array {
  if (!(digest instanceof Uint8Array)) throw new InvalidValueTypeError("digest", "Uint8Array", digest);
  if (digest.length !== 32) throw new InvalidByteLengthError("digest", 32, digest.length);
}

function wordToBigInt(bytes: Uint8Array, start: number): bigint {
  let x = 0n;
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, 32);
  for (let k = 0; k < 32; k += 8) x = (x << 64n) | view.getBigUint64(k);
  return x;
}

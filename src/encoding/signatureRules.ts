/**
 * Rules 1–4 of the signature policy (DESIGN.md §2) on raw bytes: no BigInt, no @noble, no
 * tables built at module load, so the CKB scripts (ckb-js-vm) bundle exactly this code and
 * pay only for what they run. {@link parseSignature} and every chain's implementation apply
 * these same rules in this same order.
 *
 * Returns {@link SIGNATURE_OK} or the number of the first rule the signature violates.
 */
export const SIGNATURE_OK = 0;
/** Rule 1: not exactly 65 bytes. */
export const SIGNATURE_RULE_LENGTH = 1;
/** Rule 2: `v ∉ {27, 28}`. */
export const SIGNATURE_RULE_V = 2;
/** Rule 3a: `r = 0`. */
export const SIGNATURE_RULE_R_ZERO = 3;
/** Rule 3b: `r ≥ n`. */
export const SIGNATURE_RULE_R_RANGE = 4;
/** Rule 4a: `s = 0`. */
export const SIGNATURE_RULE_S_ZERO = 5;
/** Rule 4b: `s > n/2` (high-s). */
export const SIGNATURE_RULE_HIGH_S = 6;

/** secp256k1 n as eight big-endian 32-bit words (plain numbers: cheap in every engine). */
const N_WORDS = [0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe, 0xbaaedce6, 0xaf48a03b, 0xbfd25e8c, 0xd0364141];
/** floor(n/2) as eight big-endian 32-bit words. */
const HALF_N_WORDS = [0x7fffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x5d576e73, 0x57a4501d, 0xdfe92f46, 0x681b20a0];

/** Compares the 32-byte big-endian word at `bytes[pos]` with `words`: -1, 0 or 1. */
function compareWord(bytes: Uint8Array, pos: number, words: number[]): number {
  for (let k = 0; k < 8; k++) {
    const p = pos + 4 * k;
    const x = ((bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3]) >>> 0;
    if (x !== words[k]) return x < words[k] ? -1 : 1;
  }
  return 0;
}

function isZeroWord(bytes: Uint8Array, pos: number): boolean {
  let acc = 0;
  for (let k = 0; k < 32; k++) acc |= bytes[pos + k];
  return acc === 0;
}

/**
 * The first of rules 1–4 that the `length` bytes at `bytes[offset]` violate, or
 * {@link SIGNATURE_OK}.
 */
export function signatureRuleViolation(bytes: Uint8Array, offset = 0, length = bytes.length - offset): number {
  if (length !== 65 || offset < 0 || offset + 65 > bytes.length) return SIGNATURE_RULE_LENGTH;
  const v = bytes[offset + 64];
  if (v !== 27 && v !== 28) return SIGNATURE_RULE_V;
  if (isZeroWord(bytes, offset)) return SIGNATURE_RULE_R_ZERO;
  if (compareWord(bytes, offset, N_WORDS) >= 0) return SIGNATURE_RULE_R_RANGE;
  if (isZeroWord(bytes, offset + 32)) return SIGNATURE_RULE_S_ZERO;
  if (compareWord(bytes, offset + 32, HALF_N_WORDS) > 0) return SIGNATURE_RULE_HIGH_S;
  return SIGNATURE_OK;
}

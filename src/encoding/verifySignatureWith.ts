import { SIGNATURE_OK, signatureRuleViolation } from "./signatureRules";

/**
 * The whole signature policy (rules 1–6 of DESIGN.md §2) with the two primitives injected,
 * for engines that bring their own keccak256 and secp256k1 recovery (ckb-js-vm's native
 * bindings: ~0.4 M + 1.2 M cycles instead of ~400 M for @noble in QuickJS). Imports nothing
 * but the byte-level rules, so bundling it does not pull in @noble.
 */
export interface SignatureCrypto {
  keccak256(data: Uint8Array): Uint8Array;
  /**
   * The 65-byte uncompressed public key (`0x04 ‖ X ‖ Y`) that signed `digest` with the
   * 64-byte `r ‖ s` and the recovery bit, or `null` when recovery fails.
   */
  recoverPublicKey(digest: Uint8Array, rs: Uint8Array, recovery: number): Uint8Array | null;
}

/** Rule 5a: recovery failed (r is not the x-coordinate of a curve point, …). */
export const SIGNATURE_RULE_RECOVERY = 7;
/** Rule 5b: the recovered address is zero. */
export const SIGNATURE_RULE_ZERO_ADDRESS = 8;
/** Rule 6: the recovered address is not the expected signer. */
export const SIGNATURE_RULE_SIGNER = 9;

/** "\x19Ethereum Signed Message:\n32" (built on first use: nothing runs at module load). */
let prefix: Uint8Array | undefined;

/** `keccak256("\x19Ethereum Signed Message:\n32" ‖ hash)` with the injected keccak. */
export function ethSignedDigestWith(provider: SignatureCrypto, hash: Uint8Array): Uint8Array {
  if (prefix === undefined) {
    const text = "\x19Ethereum Signed Message:\n32";
    prefix = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) prefix[i] = text.charCodeAt(i);
  }
  const buf = new Uint8Array(prefix.length + 32);
  buf.set(prefix, 0);
  buf.set(hash, prefix.length);
  return provider.keccak256(buf);
}

/**
 * Applies rules 1–6 to the 65 bytes at `sig[offset]` against the 20-byte address at
 * `expected[expectedOffset]`. Returns 0 (accepted) or the violated rule's code: 1–6 from
 * signatureRules.ts, {@link SIGNATURE_RULE_RECOVERY}, {@link SIGNATURE_RULE_ZERO_ADDRESS},
 * {@link SIGNATURE_RULE_SIGNER}.
 */
export function verifySignatureWith(
  provider: SignatureCrypto,
  digest: Uint8Array,
  sig: Uint8Array,
  offset: number,
  expected: Uint8Array,
  expectedOffset: number,
): number {
  const rule = signatureRuleViolation(sig, offset, 65);
  if (rule !== SIGNATURE_OK) return rule;
  const pub = provider.recoverPublicKey(digest, sig.subarray(offset, offset + 64), sig[offset + 64] - 27);
  if (pub === null || pub.length !== 65) return SIGNATURE_RULE_RECOVERY;
  const hash = provider.keccak256(pub.subarray(1));
  let nonZero = 0;
  let diff = 0;
  for (let i = 0; i < 20; i++) {
    nonZero |= hash[12 + i];
    diff |= hash[12 + i] ^ expected[expectedOffset + i];
  }
  if (nonZero === 0) return SIGNATURE_RULE_ZERO_ADDRESS;
  if (diff !== 0) return SIGNATURE_RULE_SIGNER;
  return SIGNATURE_OK;
}

import { SignatureUnrepresentableError } from "../errors/signatureErrors";
import type { Hex } from "./types";
import { secp256k1 } from "./internal/crypto";
import { bytesToHex, toBytes } from "./internal/hex";
import { parsePrivateKey } from "./internal/privateKey";
import { ethSignedMessageDigest } from "./hashEthSignedMessage";
import { assertDigest } from "./signaturePolicy";

/**
 * Signs `keccak256("\x19Ethereum Signed Message:\n32" ‖ keccak256(data))` — the primitive
 * behind every Perun signature — and returns 65 bytes `r ‖ s ‖ v` with v ∈ {27, 28} and
 * low s, i.e. exactly the form the acceptance policy accepts. Deterministic (RFC 6979).
 *
 * @throws InvalidPrivateKeyError, InvalidHexError
 */
export function signData(data: Uint8Array | Hex, privateKey: Hex | Uint8Array): Hex {
  const bytes = data instanceof Uint8Array ? data : toBytes(data, "data");
  return signDigest(ethSignedMessageDigest(bytes), privateKey);
}

/** Signs a 32-byte digest as-is (no prefix, no hashing); low-s, v ∈ {27, 28}. */
export function signDigest(digest: Uint8Array, privateKey: Hex | Uint8Array): Hex {
  assertDigest(digest);
  const key = parsePrivateKey(privateKey);
  // 'recovered' format is recovery ‖ r ‖ s; prehash: false because the digest is final.
  const raw = secp256k1.sign(digest, key, { prehash: false, lowS: true, format: "recovered" });
  const recovery = raw[0];
  if (recovery > 1) throw new SignatureUnrepresentableError(recovery);
  const sig = new Uint8Array(65);
  sig.set(raw.subarray(1, 65), 0);
  sig[64] = 27 + recovery;
  return bytesToHex(sig);
}

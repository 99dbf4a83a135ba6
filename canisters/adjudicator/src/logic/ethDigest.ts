import { keccak256 } from "../../../../src/encoding/internal/crypto";

const PREFIX = Uint8Array.from("\x19Ethereum Signed Message:\n32", (c) => c.charCodeAt(0));

/**
 * The eth_sign digest from an already computed `keccak256(data)`: the library's
 * `ethSignedMessageDigest(data)` without hashing `data` a second time (a keccak of an
 * 800-byte state costs ~90 M instructions in the canister). test/icp/logic/ethDigest.test.ts
 * checks that both agree.
 */
export function ethDigestOfHash(hash: Uint8Array): Uint8Array {
  const buf = new Uint8Array(PREFIX.length + 32);
  buf.set(PREFIX, 0);
  buf.set(hash, PREFIX.length);
  return keccak256(buf);
}

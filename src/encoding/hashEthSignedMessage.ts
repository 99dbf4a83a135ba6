import type { Hex } from "./types";
import { keccak256 } from "./internal/crypto";
import { bytesToHex, toBytes } from "./internal/hex";

/** "\x19Ethereum Signed Message:\n32" as bytes (EIP-191 version 0x45, fixed 32-byte payload). */
const PREFIX = /* @__PURE__ */ Uint8Array.from("\x19Ethereum Signed Message:\n32", (c) => c.charCodeAt(0));

/**
 * The digest every Perun signature signs: `keccak256(PREFIX ‖ keccak256(data))` — i.e.
 * `eth_sign` / `personal_sign` of the 32-byte hash of `data`, which is what the EVM
 * contracts recompute with `MessageHashUtils.toEthSignedMessageHash(keccak256(data))`.
 */
export function ethSignedMessageDigest(data: Uint8Array): Uint8Array {
  const buf = new Uint8Array(PREFIX.length + 32);
  buf.set(PREFIX, 0);
  buf.set(keccak256(data), PREFIX.length);
  return keccak256(buf);
}

/** {@link ethSignedMessageDigest} of bytes or 0x-hex, as 0x-hex. */
export function hashEthSignedMessage(data: Uint8Array | Hex): Hex {
  return bytesToHex(ethSignedMessageDigest(data instanceof Uint8Array ? data : toBytes(data, "data")));
}

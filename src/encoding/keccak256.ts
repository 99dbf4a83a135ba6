import type { Hex } from "./types";
import { keccak256 as keccakBytes } from "./internal/crypto";
import { bytesToHex, toBytes } from "./internal/hex";

/** keccak256 of bytes (or 0x-hex) as 0x + 64 lowercase hex digits. */
export function keccak256(data: Uint8Array | Hex): Hex {
  return bytesToHex(keccakBytes(data instanceof Uint8Array ? data : toBytes(data, "data")));
}

import type { Hex, Params } from "./types";
import { encodeParams } from "./encodeParams";
import { keccak256 } from "./internal/crypto";
import { bytesToHex } from "./internal/hex";

/** `channelID = keccak256(abi.encode(params))` (DESIGN.md §2), as lowercase 0x-hex. */
export function channelId(params: Params): Hex {
  return bytesToHex(keccak256(encodeParams(params)));
}

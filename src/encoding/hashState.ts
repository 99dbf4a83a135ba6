import type { Hex, State } from "./types";
import { encodeState } from "./encodeState";
import { keccak256 } from "./internal/crypto";
import { bytesToHex } from "./internal/hex";

/** `stateHash = keccak256(abi.encode(state))` (DESIGN.md §2), as lowercase 0x-hex. */
export function hashState(state: State): Hex {
  return bytesToHex(keccak256(encodeState(state)));
}

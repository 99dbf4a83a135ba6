import type { State } from "./types";
import { sizeAllocation, writeAllocation } from "./internal/writeStructs";
import {
  MAX_UINT64,
  dynamicBytesSize,
  structField,
  writeBool,
  writeBytes32,
  writeDynamicBytes,
  writeSize,
  writeUint,
} from "./internal/words";

/** Head of the State tuple: channelID, version, outcome offset, appData offset, isFinal. */
const STATE_HEAD = 5 * 32;

/**
 * `abi.encode(state)` for the Solidity `State` struct: one dynamic tuple argument, so the
 * output starts with the offset word 0x20 (DESIGN.md §2). `keccak256` of this is the state
 * hash every chain's adjudicator verifies signatures against.
 *
 * @throws EncodingError subclasses for invalid field values (see {@link encodeParams}).
 */
export function encodeState(state: State): Uint8Array {
  const s = structField<State>(state, "state");
  const outcomeSize = sizeAllocation(s.outcome);
  const size = 32 + STATE_HEAD + outcomeSize + dynamicBytesSize(s.appData, "appData");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  writeSize(view, 0, 32);
  writeBytes32(out, 32, s.channelID, "channelID");
  writeUint(view, 64, s.version, MAX_UINT64, "uint64", "version");
  writeSize(view, 96, STATE_HEAD);
  writeSize(view, 128, STATE_HEAD + outcomeSize);
  writeBool(out, 160, s.isFinal, "isFinal");
  const end = writeAllocation(view, out, 32 + STATE_HEAD, s.outcome);
  writeDynamicBytes(view, out, end, s.appData, "appData");
  return out;
}

import type { Hex, State } from "./types";
import { AbiReader } from "./internal/reader";
import { readAllocation } from "./internal/readStructs";

/**
 * Inverse of {@link encodeState}. Strict in the same way as {@link decodeParams}:
 * `encodeState(decodeState(b))` equals `b` for every accepted `b`.
 *
 * @throws DecodingError subclasses; InvalidHexError for malformed hex input.
 */
export function decodeState(input: Uint8Array | Hex): State {
  const r = new AbiReader(input);
  r.need(0, 32 + 160, "state");
  r.offset(0, 0, 32, "state");
  const base = 32;
  const channelID = r.bytes32(base);
  const version = r.uint64(base + 32, "version");
  r.offset(base + 64, base, base + 160, "outcome");
  const isFinal = r.bool(base + 128, "isFinal");
  const outcome = readAllocation(r, base + 160);
  r.offset(base + 96, base, r.end, "appData");
  const appData = r.dynamicBytes(r.end, "appData");
  r.finish(r.end);
  return { channelID, version, outcome, appData, isFinal };
}

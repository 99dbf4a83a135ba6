import type { Hex, Params } from "./types";
import { AbiReader } from "./internal/reader";
import { readParticipants } from "./internal/readStructs";

/**
 * Inverse of {@link encodeParams}. Strict: accepts exactly the canonical `abi.encode`
 * output (see internal/reader.ts), so `encodeParams(decodeParams(b))` equals `b` for every
 * accepted `b`. Addresses and bytes come back as lowercase hex.
 *
 * @throws DecodingError subclasses (truncated, offset, padding, range, address, bool,
 *   length, trailing bytes); InvalidHexError if a hex string input is malformed.
 */
export function decodeParams(input: Uint8Array | Hex): Params {
  const r = new AbiReader(input);
  r.need(0, 32 + 192, "params");
  r.offset(0, 0, 32, "params");
  const base = 32;
  const challengeDuration = r.uint256(base);
  const nonce = r.uint256(base + 32);
  r.offset(base + 64, base, base + 192, "participants");
  const app = r.address(base + 96, "app");
  const ledgerChannel = r.bool(base + 128, "ledgerChannel");
  const virtualChannel = r.bool(base + 160, "virtualChannel");
  const participants = readParticipants(r, base + 192);
  r.finish(r.end);
  return { challengeDuration, nonce, participants, app, ledgerChannel, virtualChannel };
}

import type { Params } from "./types";
import { sizeParticipants, writeParticipants } from "./internal/writeStructs";
import { MAX_UINT256, structField, writeAddress, writeBool, writeSize, writeUint } from "./internal/words";

/** Head of the Params tuple: 6 words (two uints, the participants offset, app, two bools). */
const PARAMS_HEAD = 6 * 32;

/**
 * `abi.encode(params)` for the Solidity `Params` struct: the encoding of ONE dynamic tuple
 * argument, so it starts with the offset word 0x20 (DESIGN.md §2). `keccak256` of this is
 * the channel ID.
 *
 * @throws EncodingError subclasses for any value that is not a valid value of its field's
 *   Solidity type (negative/oversized integers, malformed hex, wrong address length, bad
 *   EIP-55 checksum, wrong JS type). Nothing is truncated.
 */
export function encodeParams(params: Params): Uint8Array {
  const p = structField<Params>(params, "params");
  const size = 32 + PARAMS_HEAD + sizeParticipants(p.participants);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  writeSize(view, 0, 32);
  writeUint(view, 32, p.challengeDuration, MAX_UINT256, "uint256", "challengeDuration");
  writeUint(view, 64, p.nonce, MAX_UINT256, "uint256", "nonce");
  writeSize(view, 96, PARAMS_HEAD);
  writeAddress(out, 128, p.app, "app");
  writeBool(out, 160, p.ledgerChannel, "ledgerChannel");
  writeBool(out, 192, p.virtualChannel, "virtualChannel");
  writeParticipants(view, out, 32 + PARAMS_HEAD, p.participants);
  return out;
}

import type { Hex, WithdrawalAuth } from "./types";
import { AbiReader } from "./internal/reader";
import { readParticipant } from "./internal/readStructs";

/**
 * Inverse of {@link encodeWithdrawalAuth}; strict like {@link decodeParams}.
 *
 * @throws DecodingError subclasses; InvalidHexError for malformed hex input.
 */
export function decodeWithdrawalAuth(input: Uint8Array | Hex): WithdrawalAuth {
  const r = new AbiReader(input);
  r.need(0, 32 + 128, "auth");
  r.offset(0, 0, 32, "auth");
  const base = 32;
  const channelID = r.bytes32(base);
  r.offset(base + 32, base, base + 128, "participant");
  const receiver = r.address(base + 64, "receiver");
  const amount = r.uint256(base + 96);
  const participant = readParticipant(r, base + 128, "participant");
  r.finish(r.end);
  return { channelID, participant, receiver, amount };
}

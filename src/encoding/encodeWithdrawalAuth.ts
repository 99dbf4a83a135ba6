import type { WithdrawalAuth } from "./types";
import { sizeParticipant, writeParticipant } from "./internal/writeStructs";
import { MAX_UINT256, structField, writeAddress, writeBytes32, writeSize, writeUint } from "./internal/words";

/** Head of the WithdrawalAuth tuple: channelID, participant offset, receiver, amount. */
const AUTH_HEAD = 4 * 32;

/**
 * `abi.encode(auth)` for the EVM `WithdrawalAuth` struct (perun-eth-contracts v1.0.0
 * `AssetHolder.withdraw` verifies a signature over exactly these bytes). One dynamic tuple
 * argument, so it starts with the offset word 0x20.
 *
 * @throws EncodingError subclasses for invalid field values.
 */
export function encodeWithdrawalAuth(auth: WithdrawalAuth): Uint8Array {
  const a = structField<WithdrawalAuth>(auth, "auth");
  const size = 32 + AUTH_HEAD + sizeParticipant(a.participant, "participant");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  writeSize(view, 0, 32);
  writeBytes32(out, 32, a.channelID, "channelID");
  writeSize(view, 64, AUTH_HEAD);
  writeAddress(out, 96, a.receiver, "receiver");
  writeUint(view, 128, a.amount, MAX_UINT256, "uint256", "amount");
  writeParticipant(view, out, 32 + AUTH_HEAD, a.participant, "participant");
  return out;
}

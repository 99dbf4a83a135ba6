import type { IcpWithdrawalAuth } from "./IcpWithdrawalAuth";
import { PrincipalLengthError } from "../../errors/icpEncodingErrors";
import { hexByteLength } from "../internal/hex";
import { sizeParticipant, writeParticipant } from "../internal/writeStructs";
import {
  MAX_UINT256,
  MAX_UINT64,
  dynamicBytesSize,
  structField,
  writeBytes32,
  writeDynamicBytes,
  writeSize,
  writeUint,
} from "../internal/words";

/** Head of the tuple: eight words (four of them offsets of dynamic fields). */
const AUTH_HEAD = 8 * 32;
/** The Internet Computer's longest principal. */
export const MAX_PRINCIPAL_BYTES = 29;

/**
 * `abi.encode(auth)` of {@link IcpWithdrawalAuth}: one dynamic tuple argument, so it starts
 * with the offset word 0x20; tails in field order (participant, receiverOwner, ledger,
 * adjudicator).
 *
 * @throws EncodingError subclasses for invalid field values (PrincipalLengthError for a
 * principal longer than 29 bytes).
 */
export function encodeIcpWithdrawalAuth(auth: IcpWithdrawalAuth): Uint8Array {
  const a = structField<IcpWithdrawalAuth>(auth, "auth");
  const participantSize = sizeParticipant(a.participant, "participant");
  const ownerSize = principalSize(a.receiverOwner, "receiverOwner");
  const ledgerSize = principalSize(a.ledger, "ledger");
  const adjudicatorSize = principalSize(a.adjudicator, "adjudicator");
  const out = new Uint8Array(32 + AUTH_HEAD + participantSize + ownerSize + ledgerSize + adjudicatorSize);
  const view = new DataView(out.buffer);
  const base = 32;
  writeSize(view, 0, 32);
  writeBytes32(out, base, a.channelID, "channelID");
  writeBytes32(out, base + 96, a.receiverSubaccount, "receiverSubaccount");
  writeUint(view, base + 192, a.amount, MAX_UINT256, "uint256", "amount");
  writeUint(view, base + 224, a.nonce, MAX_UINT64, "uint64", "nonce");
  let tail = base + AUTH_HEAD;
  writeSize(view, base + 32, tail - base);
  tail = writeParticipant(view, out, tail, a.participant, "participant");
  writeSize(view, base + 64, tail - base);
  tail = writeDynamicBytes(view, out, tail, a.receiverOwner, "receiverOwner");
  writeSize(view, base + 128, tail - base);
  tail = writeDynamicBytes(view, out, tail, a.ledger, "ledger");
  writeSize(view, base + 160, tail - base);
  writeDynamicBytes(view, out, tail, a.adjudicator, "adjudicator");
  return out;
}

function principalSize(value: unknown, field: string): number {
  const size = dynamicBytesSize(value, field);
  const n = hexByteLength(value, field);
  if (n > MAX_PRINCIPAL_BYTES) throw new PrincipalLengthError(field, n);
  return size;
}

import type { Hex } from "../types";
import type { IcpWithdrawalAuth } from "./IcpWithdrawalAuth";
import { PrincipalLengthError } from "../../errors/icpEncodingErrors";
import { AbiReader } from "../internal/reader";
import { readParticipant } from "../internal/readStructs";
import { MAX_PRINCIPAL_BYTES } from "./encodeIcpWithdrawalAuth";

/**
 * Strict inverse of {@link encodeIcpWithdrawalAuth} (canonical encodings only, as the
 * other decoders): `encode(decode(b))` equals `b` for every accepted `b`.
 *
 * @throws DecodingError subclasses; PrincipalLengthError for a principal over 29 bytes.
 */
export function decodeIcpWithdrawalAuth(input: Uint8Array | Hex): IcpWithdrawalAuth {
  const r = new AbiReader(input);
  const base = 32;
  r.need(0, base + 256, "auth");
  r.offset(0, 0, 32, "auth");
  const channelID = r.bytes32(base);
  const receiverSubaccount = r.bytes32(base + 96);
  const amount = r.uint256(base + 192);
  const nonce = r.uint64(base + 224, "nonce");
  let tail = base + 256;
  r.offset(base + 32, base, tail, "participant");
  const participant = readParticipant(r, tail, "participant");
  tail = r.end;
  r.offset(base + 64, base, tail, "receiverOwner");
  const receiverOwner = principal(r, tail, "receiverOwner");
  tail = r.end;
  r.offset(base + 128, base, tail, "ledger");
  const ledger = principal(r, tail, "ledger");
  tail = r.end;
  r.offset(base + 160, base, tail, "adjudicator");
  const adjudicator = principal(r, tail, "adjudicator");
  r.finish(r.end);
  return { channelID, participant, receiverOwner, receiverSubaccount, ledger, adjudicator, amount, nonce };
}

function principal(r: AbiReader, pos: number, field: string): Hex {
  const hex = r.dynamicBytes(pos, field);
  const n = (hex.length - 2) / 2;
  if (n > MAX_PRINCIPAL_BYTES) throw new PrincipalLengthError(field, n);
  return hex;
}

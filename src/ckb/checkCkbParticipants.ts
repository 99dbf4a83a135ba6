import type { Params } from "../index";
import { CkbBuildError } from "./errors";

const HASH32 = /^0x[0-9a-fA-F]{64}$/;

/**
 * On CKB a participant's `ccAddress` is the 32-byte lock script hash its payouts go to. Any
 * other length names no lock: the builder refuses it before building (a channel opened with it
 * could never pay that participant).
 */
export function checkCkbParticipants(params: Params): void {
  params.participants.forEach((p, i) => {
    if (typeof p.ccAddress !== "string" || !HASH32.test(p.ccAddress)) {
      const bytes =
        typeof p.ccAddress === "string" && p.ccAddress.startsWith("0x") ? (p.ccAddress.length - 2) / 2 : NaN;
      throw new CkbBuildError(
        `params.participants[${i}].ccAddress must be the 32-byte lock script hash of its CKB payout lock, got ${Number.isNaN(bytes) ? String(p.ccAddress) : `${bytes} bytes`}`,
        { participant: i, ccAddress: p.ccAddress },
      );
    }
  });
}

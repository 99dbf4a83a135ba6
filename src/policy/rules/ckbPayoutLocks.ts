import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicySubject } from "../types";

/**
 * Every CKB participant's `ccAddress` is a 32-byte lock-script hash, and no two are equal. The
 * closing transaction pays participant i to an output whose lock hash is its ccAddress (payout.ts):
 * without 32 bytes there is no such output (open refuses: BAD_PARAMS), and two participants with
 * one lock would share outputs, so one could collect the other's share.
 *
 * @throws PolicyUnsupportedError, chain "ckb", rule "cc-address" or "repeated-cc-address".
 */
export function ckbPayoutLocks({ params }: PolicySubject): void {
  const seen = new Set<string>();
  params.participants.forEach((p, index) => {
    const cc = p.ccAddress.toLowerCase();
    if (cc.length !== 66) {
      throw new PolicyUnsupportedError("a CKB participant's ccAddress is its 32-byte payout lock hash", {
        chain: "ckb",
        rule: "cc-address",
        index,
        ccAddress: p.ccAddress,
      });
    }
    if (seen.has(cc)) {
      throw new PolicyUnsupportedError("two CKB participants share one payout lock", {
        chain: "ckb",
        rule: "repeated-cc-address",
        index,
        ccAddress: p.ccAddress,
      });
    }
    seen.add(cc);
  });
}

import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import { CKB_MIN_PARTICIPANTS } from "../limits";
import type { PolicySubject } from "../types";

/**
 * A CKB channel has at least two participants: the channel type script opens no channel with
 * fewer (open.ts, BAD_PARAMS), so a one-participant channel's CKB deposits could never be made
 * through a channel cell at all.
 *
 * @throws PolicyUnsupportedError, chain "ckb", rule "min-participants".
 */
export function ckbMinParticipants({ params }: PolicySubject): void {
  const n = params.participants.length;
  if (n < CKB_MIN_PARTICIPANTS) {
    throw new PolicyUnsupportedError("a CKB channel needs at least two participants", {
      chain: "ckb",
      rule: "min-participants",
      limit: CKB_MIN_PARTICIPANTS,
      given: n,
    });
  }
}

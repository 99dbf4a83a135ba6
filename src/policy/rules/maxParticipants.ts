import { PolicyLimitError } from "../../errors/signingPolicyErrors";
import type { PolicySubject } from "../types";

/**
 * At most the lowest participant bound of the chains holding the assets. Every participant
 * adds a signature recovery to each dispute and close (and a payout), so past the bound an
 * honest party's refutation or close no longer fits the chain's per-message or per-transaction
 * limit there and an older state wins (issue 14 finding 8: 190 participants cost 41.15 B
 * instructions on the IC, over the 40 B message limit).
 *
 * @throws PolicyLimitError, rule "max-participants", chain = the chain whose row binds.
 */
export function maxParticipants({ params, limits }: PolicySubject): void {
  const n = params.participants.length;
  if (n > limits.maxParticipants.value) {
    throw new PolicyLimitError("more participants than the chains holding the assets can adjudicate", {
      chain: limits.maxParticipants.chain,
      rule: "max-participants",
      limit: limits.maxParticipants.value,
      given: n,
    });
  }
}

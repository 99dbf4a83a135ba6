import { PolicyLimitError } from "../../errors/signingPolicyErrors";
import type { PolicySubject } from "../types";

/**
 * A window every chain holding an asset can enforce: each stores the duration (EVM: 32 bits in
 * the dispute record; ICP: refused above 2^32 − 1 s, its timeout is u64 nanoseconds; CKB: a
 * 56-bit relative `since`). A longer window is refused at dispute time, so the channel could
 * only close cooperatively. The shared shape rule already caps every channel at 2^32 − 1 s
 * (`validateStateShape`); this rule keeps each chain's own row authoritative if one is lowered.
 *
 * @throws PolicyLimitError, rule "max-challenge-duration", chain = the chain whose row binds.
 */
export function maxChallengeDuration({ params, limits }: PolicySubject): void {
  if (params.challengeDuration > limits.maxChallengeDuration.value) {
    throw new PolicyLimitError("a challenge duration longer than a chain holding the assets can enforce", {
      chain: limits.maxChallengeDuration.chain,
      rule: "max-challenge-duration",
      limit: limits.maxChallengeDuration.value,
      given: params.challengeDuration,
    });
  }
}

import { PolicyLimitError } from "../../errors/signingPolicyErrors";
import type { PolicySubject } from "../types";

/**
 * At most the lowest asset bound of the chains holding the assets. Every chain decodes and
 * hashes the whole outcome, other chains' assets included, and pays one transfer per asset of
 * its own; past the bound a dispute or close no longer fits the chain's limits.
 *
 * @throws PolicyLimitError, rule "max-assets", chain = the chain whose row binds.
 */
export function maxAssets({ state, limits }: PolicySubject): void {
  const m = state.outcome.assets.length;
  if (m > limits.maxAssets.value) {
    throw new PolicyLimitError("more assets than the chains holding them can adjudicate", {
      chain: limits.maxAssets.chain,
      rule: "max-assets",
      limit: limits.maxAssets.value,
      given: m,
    });
  }
}

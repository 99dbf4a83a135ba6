import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicyChain } from "../limits";
import type { PolicyRule } from "../types";

/**
 * No sub-allocation at all while `chain` (ICP or CKB) holds an asset — even one that locks only
 * EVM assets (DESIGN.md §10 "The policy's shape"). Both chains refuse every state whose `locked`
 * list is not empty (the canister: UnsupportedChannel "sub-channels"; the CKB script:
 * BAD_OUTCOME at open, OUTCOME_CHANGED at dispute and close). So a refutation that locks an
 * ETH-only sub-channel is refused there and the OLDER state settles: issue 14 finding 1
 * (deposits 100/100, B registers v1 = [100, 100], A refutes with v2 = [150, 50] plus a lock →
 * refused, A gets 100, not 150). Refusing the lock before signing keeps every signed state
 * enforceable on every chain holding an asset; a channel that needs sub-channels keeps its
 * assets on the EVM.
 *
 * @returns the rule for `chain`: throws PolicyUnsupportedError, rule "locked".
 */
export function refuseLocks(chain: Exclude<PolicyChain, "evm">): PolicyRule {
  return ({ state }) => {
    const locked = state.outcome.locked.length;
    if (locked !== 0) {
      throw new PolicyUnsupportedError(
        `${chain} adjudicates no sub-allocation: a state that locks any may hold EVM assets only`,
        {
          chain,
          rule: "locked",
          locked,
        },
      );
    }
  };
}

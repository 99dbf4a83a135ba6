import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicyChain } from "../limits";
import type { PolicyRule } from "../types";

/**
 * No app channel while `chain` (ICP or CKB) holds an asset of it (DESIGN.md §10 "Apps across
 * chains"). Only the EVM runs `progress`: after the window an EVM app channel can settle a
 * later version, produced by on-chain force execution, that no other chain ever sees, so the
 * two chains would pay different outcomes of one channel. The canister and the CKB script
 * refuse every state of an app channel (issue 14 finding 2: its deposits froze), so a client
 * that signed one would find its ICP/CKB funds unenforceable.
 *
 * @returns the rule for `chain`: throws PolicyUnsupportedError, rule "app".
 */
export function refuseApp(chain: Exclude<PolicyChain, "evm">): PolicyRule {
  return ({ params }) => {
    if (BigInt(params.app) !== 0n) {
      throw new PolicyUnsupportedError(`${chain} does not run apps: an app channel may hold EVM assets only`, {
        chain,
        rule: "app",
        app: params.app,
      });
    }
  };
}

import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicyChain } from "../limits";
import type { PolicyRule } from "../types";

/**
 * Only ledger channels while `chain` (ICP or CKB) holds an asset: a sub-channel (ledger flag
 * false) is settled through its parent's lock, which these chains never accept (see
 * `refuseLocks`), and both refuse the params outright (canister: UnsupportedChannel "not a
 * ledger channel"; CKB open: BAD_PARAMS).
 *
 * @returns the rule for `chain`: throws PolicyUnsupportedError, rule "not-ledger-channel".
 */
export function refuseSubChannel(chain: Exclude<PolicyChain, "evm">): PolicyRule {
  return ({ params }) => {
    if (!params.ledgerChannel) {
      throw new PolicyUnsupportedError(`${chain} adjudicates ledger channels only`, {
        chain,
        rule: "not-ledger-channel",
      });
    }
  };
}

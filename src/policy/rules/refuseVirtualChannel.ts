import { PolicyUnsupportedError } from "../../errors/signingPolicyErrors";
import type { PolicyChain } from "../limits";
import type { PolicyRule } from "../types";

/**
 * No virtual channel while `chain` (ICP or CKB) holds an asset of it. A virtual channel is
 * funded by its parents' locks and settled through them; neither the canister nor the CKB
 * script has sub-channel logic, and both refuse the virtual flag outright (the canister's
 * `checkSignedState`: UnsupportedChannel; CKB open: BAD_PARAMS).
 *
 * @returns the rule for `chain`: throws PolicyUnsupportedError, rule "virtual-channel".
 */
export function refuseVirtualChannel(chain: Exclude<PolicyChain, "evm">): PolicyRule {
  return ({ params }) => {
    if (params.virtualChannel) {
      throw new PolicyUnsupportedError(`${chain} does not adjudicate virtual channels`, {
        chain,
        rule: "virtual-channel",
      });
    }
  };
}

import type { Params, State } from "../encoding/types";
import { PolicyUnsupportedError } from "../errors/signingPolicyErrors";
import { nonEvmChannelRules } from "./nonEvmChannelRules";
import type { AssetChains } from "./types";

/**
 * The CKB scripts' column of the policy (ckb-scripts/channel-type): the non-EVM channel rules,
 * plus what the channel cell needs — at least two participants, each with a distinct 32-byte
 * `ccAddress` (the lock-script hash its payouts go to: two participants with one lock would
 * share outputs), at most one CKBytes asset, and an initial state that is not final (the open
 * stores it; the transition rules keep the assets and totals frozen after that).
 *
 * @throws PolicyUnsupportedError (chain "ckb") with `rule` from the non-EVM rules,
 *   "participants", "cc-address", "repeated-cc-address" or "final-initial-state".
 */
export function ckbRules(params: Params, state: State, assets: AssetChains, initial: boolean): void {
  nonEvmChannelRules("ckb", params, state, assets);
  const n = params.participants.length;
  if (n < 2) {
    throw new PolicyUnsupportedError("a CKB channel needs at least two participants", {
      chain: "ckb",
      rule: "participants",
      given: n,
    });
  }
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
  if (initial && state.isFinal) {
    throw new PolicyUnsupportedError("a CKB channel opens with a state that is not final", {
      chain: "ckb",
      rule: "final-initial-state",
    });
  }
}

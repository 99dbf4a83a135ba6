import { validateStateShape } from "../encoding/validateStateShape";
import { assetChains } from "./assetChains";
import { checkLimits } from "./checkLimits";
import { checkSubChannels } from "./checkSubChannels";
import { checkTransition } from "./checkTransition";
import { ckbRules } from "./ckbRules";
import { evmRules } from "./evmRules";
import { icpRules } from "./icpRules";
import { limitsFor } from "./limitsFor";
import type { SigningPolicyAccepted, SigningPolicyInput } from "./types";

/**
 * The signing policy: the ONE statement of which states an honest client may sign for a
 * channel whose assets live on given chains (DESIGN.md §1 "Signable ⇒ enforceable"). Every
 * chain that holds one of the channel's assets accepts and settles every state this accepts,
 * and every exit path an honest party needs there fits the chain's limits (`limits.ts`).
 *
 * A client runs it before every signature — on the initial state before anyone deposits (the
 * deposit helpers of `perun-adjudicators/evm` and `/icp` do), and on every update with the
 * previous state and the sub-channels the state locks. Order of the rules:
 * 1. the shared structure ({@link validateStateShape}: channel ID, participants, rectangular
 *    outcome, index maps, virtual channels), chain "all";
 * 2. the assets: each one of a known chain, in that chain's form, none twice ({@link assetChains});
 * 3. the bounds of the chains holding the assets: participants, assets, window ({@link checkLimits});
 * 4. the transition from the previous state ({@link checkTransition});
 * 5. the sub-channel tree: known, consistent, within the bounds ({@link checkSubChannels});
 * 6. each holding chain's own column: {@link evmRules}, {@link icpRules}, {@link ckbRules}.
 *
 * @returns the chains that hold the channel's assets.
 * @throws a SigningPolicyError subclass naming `chain` and `rule`, or a PerunError of the
 *   encoding when a field is not a valid value of its Solidity type.
 */
export function checkSigningPolicy(input: SigningPolicyInput): SigningPolicyAccepted {
  const { params, state, previous, subChannels } = input;
  validateStateShape(params, state, { subChannels: subChannels?.map((s) => s.params) });
  const assets = assetChains(state);
  const limits = limitsFor(assets.chains);
  checkLimits(params, state, limits);
  checkTransition(state, previous);
  checkSubChannels(state, subChannels, limits);
  for (const chain of assets.chains) {
    if (chain === "evm") evmRules(params, state, assets);
    else if (chain === "icp") icpRules(params, state, assets);
    else ckbRules(params, state, assets, previous === undefined);
  }
  return { ok: true, chains: assets.chains };
}

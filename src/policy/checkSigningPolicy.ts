import type { Params, State } from "../encoding/types";
import { validateStateShape } from "../encoding/validateStateShape";
import { assetChains } from "./assetChains";
import { BOUND_RULES, CHAIN_RULES } from "./chainRules";
import { checkSubChannels } from "./checkSubChannels";
import { checkTransition } from "./checkTransition";
import { limitsFor } from "./limitsFor";
import type { PolicySubject, SigningPolicyAccepted, SigningPolicyContext } from "./types";

/**
 * The signing policy: the ONE statement of which states an honest client may sign for a
 * channel whose assets live on given chains (DESIGN.md §1 "Signable ⇒ enforceable"). Every
 * chain that holds one of the channel's assets accepts and settles every state this accepts,
 * and every exit path an honest party needs there fits the chain's limits (`limits.ts`).
 *
 * A client runs it before every signature — on the initial state before anyone deposits (the
 * deposit helpers of `perun-adjudicators/evm`, `/icp` and `/ckb` do), and on every update with
 * the previous state and the sub-channels the state locks. Order of the rules (the first
 * refusal is reported):
 * 1. the shared structure ({@link validateStateShape}: channel ID, participants, rectangular
 *    outcome, index maps, virtual channels, window ≤ 2^32 − 1 s), chain "all";
 * 2. the assets: each one of a known chain, in that chain's form, none twice ({@link assetChains});
 * 3. the bounds of the chains holding the assets: participants, assets, window (`BOUND_RULES`);
 * 4. each holding chain's own column, in the order evm, icp, ckb (`CHAIN_RULES`);
 * 5. the transition from the previous state ({@link checkTransition});
 * 6. the sub-channel tree: known, consistent, within the bounds ({@link checkSubChannels}).
 *
 * @returns the chains that hold the channel's assets.
 * @throws a SigningPolicyError subclass naming `chain` and `rule`, or a PerunError of the
 *   encoding when a field is not a valid value of its Solidity type.
 */
export function checkSigningPolicy(
  params: Params,
  state: State,
  context: SigningPolicyContext = {},
): SigningPolicyAccepted {
  const { previous, subStates } = context;
  validateStateShape(params, state, { subChannels: subStates?.map((s) => s.params) });
  const assets = assetChains(state);
  const subject: PolicySubject = { params, state, previous, subStates, assets, limits: limitsFor(assets.chains) };
  for (const rule of BOUND_RULES) rule(subject);
  for (const chain of assets.chains) for (const rule of CHAIN_RULES[chain]) rule(subject);
  checkTransition(subject);
  checkSubChannels(subject);
  return { ok: true, chains: assets.chains };
}

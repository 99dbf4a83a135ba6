import type { Params, State } from "../encoding/types";
import { PolicyLimitError } from "../errors/signingPolicyErrors";
import type { BindingLimits } from "./limitsFor";

/**
 * The channel's size and window against the lowest bounds of the chains holding its assets:
 * participants, assets, challenge duration (sub-channel bounds: {@link checkSubChannels}).
 *
 * @throws PolicyLimitError with `rule` "max-participants", "max-assets" or "max-challenge-duration".
 */
export function checkLimits(params: Params, state: State, limits: BindingLimits): void {
  const n = params.participants.length;
  if (n > limits.maxParticipants.value) {
    throw new PolicyLimitError("more participants than the chains holding the assets can adjudicate", {
      chain: limits.maxParticipants.chain,
      rule: "max-participants",
      limit: limits.maxParticipants.value,
      given: n,
    });
  }
  const m = state.outcome.assets.length;
  if (m > limits.maxAssets.value) {
    throw new PolicyLimitError("more assets than the chains holding them can adjudicate", {
      chain: limits.maxAssets.chain,
      rule: "max-assets",
      limit: limits.maxAssets.value,
      given: m,
    });
  }
  if (params.challengeDuration > limits.maxChallengeDuration.value) {
    throw new PolicyLimitError("a challenge duration longer than a chain holding the assets can enforce", {
      chain: limits.maxChallengeDuration.chain,
      rule: "max-challenge-duration",
      limit: limits.maxChallengeDuration.value,
      given: params.challengeDuration,
    });
  }
}

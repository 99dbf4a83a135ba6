import { PolicyTransitionError } from "../errors/signingPolicyErrors";
import { assetTotal, sameAssets } from "./internal/outcome";
import type { PolicySubject } from "./types";

/**
 * The rules between the previous fully signed state and the next one, shared by every chain
 * (they are go-perun's own update rules): an initial state has version 0 (CKB stores it at open
 * and every later dispute must be newer); a later state belongs to the same channel, follows a
 * state that is not final, has a higher version, keeps the assets and backends in the same order,
 * and keeps each asset's total (balances plus locked), so nothing deposited can vanish and no
 * chain is asked to pay more than it holds (CKB refuses any other change, OUTCOME_CHANGED).
 *
 * @throws PolicyTransitionError with `rule` "initial-version", "previous-channel", "after-final",
 *   "version-not-increasing", "assets-changed" or "total-changed".
 */
export function checkTransition({ state, previous }: PolicySubject): void {
  if (previous === undefined) {
    if (state.version !== 0n) {
      throw new PolicyTransitionError("an initial state has version 0", {
        chain: "all",
        rule: "initial-version",
        version: state.version,
      });
    }
    return;
  }
  if (previous.channelID.toLowerCase() !== state.channelID.toLowerCase()) {
    throw new PolicyTransitionError("the previous state is of another channel", {
      chain: "all",
      rule: "previous-channel",
      previous: previous.channelID,
      given: state.channelID,
    });
  }
  if (previous.isFinal) {
    throw new PolicyTransitionError("nothing follows a final state", { chain: "all", rule: "after-final" });
  }
  if (state.version <= previous.version) {
    throw new PolicyTransitionError("the version does not increase", {
      chain: "all",
      rule: "version-not-increasing",
      previous: previous.version,
      given: state.version,
    });
  }
  if (!sameAssets(previous.outcome, state.outcome)) {
    throw new PolicyTransitionError("the assets or their backends changed", { chain: "all", rule: "assets-changed" });
  }
  for (let asset = 0; asset < state.outcome.assets.length; asset++) {
    const before = assetTotal(previous, asset);
    const after = assetTotal(state, asset);
    if (before !== after) {
      throw new PolicyTransitionError("an asset's total changed", {
        chain: "all",
        rule: "total-changed",
        asset,
        previous: before,
        given: after,
      });
    }
  }
}

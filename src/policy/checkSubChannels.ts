import { channelId } from "../encoding/channelId";
import type { Params, State } from "../encoding/types";
import { validateStateShape } from "../encoding/validateStateShape";
import { PolicyLimitError, PolicySubChannelError } from "../errors/signingPolicyErrors";
import type { BindingLimits } from "./limitsFor";
import { assetTotal, sameAssets } from "./internal/outcome";
import type { PolicySubject, SubChannelInfo } from "./types";

/**
 * The sub-channel tree below a state, as far as the signer holds it: every locked
 * sub-allocation comes with its sub-channel's parameters and latest state, each sub-state has
 * the shape every chain requires (recursively, with its own sub-channels), lists the parent's
 * assets in the parent's order and pays out exactly what the parent locks for it, and the tree
 * stays within the bounds (locks per state, depth, size, every sub-channel ID once in the whole
 * tree), so that whatever the signer may later have to register or conclude fits the chain.
 *
 * @throws PolicySubChannelError ("sub-channels-unknown", "sub-state-channel", "sub-state-assets",
 *   "sub-state-total", "repeated-sub-channel"), PolicyLimitError ("max-locked", "max-tree-depth",
 *   "max-tree-size"), or a StateShapeError of a sub-state.
 */
export function checkSubChannels({ state, subStates, limits }: PolicySubject): void {
  const seen = new Set<string>([state.channelID.toLowerCase()]);
  walk(state, subStates, limits, 1, seen);
}

function walk(
  parent: State,
  subs: readonly SubChannelInfo[] | undefined,
  limits: BindingLimits,
  depth: number,
  seen: Set<string>,
): void {
  const locked = parent.outcome.locked;
  if (locked.length === 0) return;
  if (locked.length > limits.maxLocked.value) {
    throw new PolicyLimitError("a state locks more sub-allocations than the chains allow", {
      chain: limits.maxLocked.chain,
      rule: "max-locked",
      limit: limits.maxLocked.value,
      given: locked.length,
      channelID: parent.channelID,
    });
  }
  if (depth > limits.maxTreeDepth.value) {
    throw new PolicyLimitError("the sub-channel tree is deeper than the chains allow", {
      chain: limits.maxTreeDepth.chain,
      rule: "max-tree-depth",
      limit: limits.maxTreeDepth.value,
      given: depth,
    });
  }
  if (subs === undefined || subs.length !== locked.length) {
    throw new PolicySubChannelError("a locking state needs each sub-channel's parameters and latest state", {
      chain: "all",
      rule: "sub-channels-unknown",
      channelID: parent.channelID,
      locked: locked.length,
      given: subs?.length ?? 0,
    });
  }
  locked.forEach((lock, s) => {
    const id = lock.ID.toLowerCase();
    if (seen.has(id)) {
      throw new PolicySubChannelError("a sub-channel appears twice in the tree", {
        chain: "all",
        rule: "repeated-sub-channel",
        subChannelID: id,
      });
    }
    seen.add(id);
    if (seen.size - 1 > limits.maxTreeSize.value) {
      throw new PolicyLimitError("the sub-channel tree has more sub-channels than the chains allow", {
        chain: limits.maxTreeSize.chain,
        rule: "max-tree-size",
        limit: limits.maxTreeSize.value,
        given: seen.size - 1,
      });
    }
    const sub = subs[s];
    checkSubState(sub.params, sub.state, id, parent, lock.balances);
    validateStateShape(sub.params, sub.state, { subChannels: sub.subStates?.map((x) => x.params) ?? [] });
    walk(sub.state, sub.subStates, limits, depth + 1, seen);
  });
}

/** The sub-state is the locked channel's, lists the parent's assets, and pays out exactly its lock. */
function checkSubState(params: Params, state: State, id: string, parent: State, lockBalances: readonly bigint[]): void {
  if (channelId(params) !== id || state.channelID.toLowerCase() !== id) {
    throw new PolicySubChannelError("the sub-channel's parameters or state are not of the locked channel", {
      chain: "all",
      rule: "sub-state-channel",
      subChannelID: id,
      stateChannelID: state.channelID,
    });
  }
  if (!sameAssets(parent.outcome, state.outcome)) {
    throw new PolicySubChannelError("a sub-state does not list its parent's assets", {
      chain: "all",
      rule: "sub-state-assets",
      subChannelID: id,
    });
  }
  for (let asset = 0; asset < parent.outcome.assets.length; asset++) {
    const total = assetTotal(state, asset);
    if (total !== lockBalances[asset]) {
      throw new PolicySubChannelError("a sub-state does not pay out exactly what its parent locks", {
        chain: "all",
        rule: "sub-state-total",
        subChannelID: id,
        asset,
        locked: lockBalances[asset],
        total,
      });
    }
  }
}

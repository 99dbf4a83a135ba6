import type { Params, State } from "./types";
import { channelId } from "./channelId";
import { normalizeAddress } from "./normalizeAddress";
import {
  ShapeBalanceRowsError,
  ShapeChallengeDurationError,
  ShapeChannelIdError,
  ShapeDuplicateParticipantError,
  ShapeIndexMapDuplicateError,
  ShapeIndexMapLengthError,
  ShapeIndexMapRangeError,
  ShapeLockedBalancesError,
  ShapeNoParticipantsError,
  ShapeRowLengthError,
  ShapeSubChannelDurationError,
  ShapeSubChannelIdError,
  ShapeSubChannelLedgerError,
  ShapeSubChannelParticipantError,
  ShapeVirtualChannelError,
} from "../errors/stateShapeErrors";

/** Largest challenge duration the EVM adjudicator accepts for disputes (2^32 − 1 s). */
export const MAX_CHALLENGE_DURATION = (1n << 32n) - 1n;

/** Options of {@link validateStateShape}. */
export interface ValidateStateShapeOptions {
  /**
   * The parameters of the sub-channels the state locks, one per `outcome.locked` entry, in that
   * order. When given, each sub-channel is checked against its lock as the adjudicator's
   * `register` checks it (ID, not a ledger channel, index-map length, challenge duration not
   * above the parent's, participants bound for non-virtual sub-channels). A client must pass
   * them before signing a state that locks sub-channels: the ID alone does not show them.
   */
  subChannels?: readonly Params[];
}

/**
 * The check a client must run before it signs a state (DESIGN.md §1, README "Security model"):
 * throws a {@link StateShapeError} subclass for every shape the contracts refuse at `register`
 * or `concludeFinal`, so a signed state is always enforceable on chain and can freeze nobody.
 *
 * Rules, in the order the adjudicator applies them: the state's channelID is the params' ID;
 * at least one participant, none twice (by Ethereum address); one balance row per asset, one
 * entry per participant in every row, one locked balance per asset in every sub-allocation; a
 * virtual channel has no app and no sub-channels; the challenge duration is at most 2^32 − 1 s;
 * each index map names distinct parent participants in range. With `options.subChannels`: one
 * sub-channel per lock with the locked ID, none a ledger channel, an index map with one entry
 * per sub-channel participant, for non-virtual sub-channels each participant equal to the
 * parent participant its entry names, and (last) its challenge duration not above the parent's.
 *
 * Every rule but one mirrors a refusal of the adjudicator. The exception is last: a sub-channel
 * whose challenge duration exceeds its parent's is refused here (its window could keep the
 * parent's conclusion waiting), while the adjudicator accepts it and bounds the wait.
 *
 * It does not check balances against deposits or a sub-channel state's total against its lock
 * (that needs the sub-channel's state: the client compares the totals itself).
 *
 * @throws StateShapeError subclasses, each carrying the offending values in `details`.
 */
export function validateStateShape(params: Params, state: State, options: ValidateStateShapeOptions = {}): void {
  const id = channelId(params);
  if (state.channelID.toLowerCase() !== id) {
    throw new ShapeChannelIdError("state.channelID is not the ID of the parameters", {
      expected: id,
      given: state.channelID,
    });
  }
  const parts = params.participants.map((p) => normalizeAddress(p.ethAddress));
  const n = parts.length;
  if (n === 0) throw new ShapeNoParticipantsError("a channel needs at least one participant", { channelID: id });
  for (let i = 1; i < n; i++) {
    if (parts.indexOf(parts[i]) < i) {
      throw new ShapeDuplicateParticipantError("a participant appears twice", { participant: parts[i], index: i });
    }
  }
  const outcome = state.outcome;
  const numAssets = outcome.assets.length;
  if (outcome.balances.length !== numAssets) {
    throw new ShapeBalanceRowsError("not one balance row per asset", {
      assets: numAssets,
      rows: outcome.balances.length,
    });
  }
  outcome.balances.forEach((row, asset) => {
    if (row.length !== n) {
      throw new ShapeRowLengthError("a balance row has not one entry per participant", {
        asset,
        participants: n,
        entries: row.length,
      });
    }
  });
  outcome.locked.forEach((sub, index) => {
    if (sub.balances.length !== numAssets) {
      throw new ShapeLockedBalancesError("a sub-allocation has not one locked balance per asset", {
        index,
        assets: numAssets,
        entries: sub.balances.length,
      });
    }
  });
  const hasApp = BigInt(params.app) !== 0n;
  if (params.virtualChannel && (hasApp || outcome.locked.length !== 0)) {
    throw new ShapeVirtualChannelError("a virtual channel may have neither an app nor sub-channels", {
      channelID: id,
      hasApp,
      locked: outcome.locked.length,
    });
  }
  if (params.challengeDuration > MAX_CHALLENGE_DURATION) {
    throw new ShapeChallengeDurationError("challenge duration above 2^32 - 1 s", {
      challengeDuration: params.challengeDuration,
      max: MAX_CHALLENGE_DURATION,
    });
  }
  const subs = options.subChannels;
  if (subs !== undefined && subs.length !== outcome.locked.length) {
    throw new ShapeSubChannelIdError("not one sub-channel's parameters per locked sub-allocation", {
      locked: outcome.locked.length,
      given: subs.length,
    });
  }
  outcome.locked.forEach((lock, s) => {
    const sub = subs?.[s];
    const subID = lock.ID.toLowerCase();
    if (sub !== undefined) {
      const given = channelId(sub);
      if (given !== subID)
        throw new ShapeSubChannelIdError("sub-channel parameters of another channel", {
          index: s,
          expected: subID,
          given,
        });
      if (sub.ledgerChannel)
        throw new ShapeSubChannelLedgerError("a sub-channel cannot be a ledger channel", { subChannelID: subID });
      if (lock.indexMap.length !== sub.participants.length) {
        throw new ShapeIndexMapLengthError("the index map has not one entry per sub-channel participant", {
          subChannelID: subID,
          participants: sub.participants.length,
          entries: lock.indexMap.length,
        });
      }
    }
    lock.indexMap.forEach((entry, i) => {
      if (entry >= BigInt(n))
        throw new ShapeIndexMapRangeError("index-map entry out of range", { subChannelID: subID, index: i, entry });
      if (lock.indexMap.slice(0, i).includes(entry)) {
        throw new ShapeIndexMapDuplicateError("index map names a parent participant twice", {
          subChannelID: subID,
          index: i,
          entry,
        });
      }
      if (sub !== undefined && !sub.virtualChannel) {
        const expected = parts[Number(entry)];
        const given = normalizeAddress(sub.participants[i].ethAddress);
        if (given !== expected) {
          throw new ShapeSubChannelParticipantError(
            "sub-channel participant is not the parent participant its entry names",
            {
              subChannelID: subID,
              index: i,
              expected,
              given,
            },
          );
        }
      }
    });
  });
  // Last, because it is a client rule only: the adjudicator accepts such a lock (refusing it
  // would make every later state of the parent unenforceable for a client that signed it) and
  // bounds the wait instead, paying the lock out in equal shares while the sub-channel's own
  // window is still open (README, "Security model").
  outcome.locked.forEach((lock, s) => {
    const sub = subs?.[s];
    if (sub !== undefined && sub.challengeDuration > params.challengeDuration) {
      throw new ShapeSubChannelDurationError("a sub-channel's challenge duration exceeds its parent's", {
        subChannelID: lock.ID.toLowerCase(),
        duration: sub.challengeDuration,
        parentDuration: params.challengeDuration,
      });
    }
  });
}

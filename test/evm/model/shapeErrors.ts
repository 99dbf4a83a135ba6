/**
 * The table that ties the library's pre-signing check (`validateStateShape`) to the
 * adjudicator: for every `StateShapeError` subclass, the custom error `register` (or
 * `concludeFinal`) reverts with for the same input, with its exact arguments.
 */
import { channelId, validateStateShape } from "../../../src";
import type { Params, State, ValidateStateShapeOptions } from "../../../src";
import type { PerunError } from "../../../src";
import type { ExpectedError } from "./expectCustomError";

/** The contract error (name and arguments) matching a library shape error. */
export function contractErrorFor(err: PerunError, params: Params, state: State): ExpectedError {
  const d = err.details as Record<string, unknown>;
  const id = channelId(params);
  switch (err.name) {
    case "ShapeChannelIdError":
      return { name: "AdjudicatorChannelIDMismatch", args: [id, state.channelID] };
    case "ShapeNoParticipantsError":
      return { name: "AdjudicatorNoParticipants", args: [id] };
    case "ShapeDuplicateParticipantError":
      return { name: "AdjudicatorDuplicateParticipant" };
    case "ShapeChallengeDurationError":
      return { name: "DisputeChallengeDurationOutOfRange", args: [d.challengeDuration, d.max] };
    case "ShapeBalanceRowsError":
      return { name: "AllocationBalancesCountMismatch", args: [BigInt(d.assets as number), BigInt(d.rows as number)] };
    case "ShapeRowLengthError":
      return {
        name: "AllocationParticipantCountMismatch",
        args: [BigInt(d.asset as number), BigInt(d.participants as number), BigInt(d.entries as number)],
      };
    case "ShapeLockedBalancesError":
      return {
        name: "AllocationLockedBalancesCountMismatch",
        args: [BigInt(d.index as number), BigInt(d.assets as number), BigInt(d.entries as number)],
      };
    case "ShapeVirtualChannelError":
      return { name: "AdjudicatorInvalidVirtualChannel", args: [id] };
    case "ShapeIndexMapRangeError":
      return { name: "AdjudicatorIndexMapOutOfRange", args: [d.subChannelID, BigInt(d.index as number)] };
    case "ShapeIndexMapDuplicateError":
      return { name: "AdjudicatorIndexMapDuplicate", args: [d.subChannelID, BigInt(d.index as number)] };
    case "ShapeIndexMapLengthError":
      return {
        name: "AdjudicatorIndexMapLengthMismatch",
        args: [d.subChannelID, BigInt(d.participants as number), BigInt(d.entries as number)],
      };
    case "ShapeSubChannelIdError":
      return { name: "AdjudicatorSubChannelIDMismatch" };
    case "ShapeSubChannelLedgerError":
      return { name: "AdjudicatorSubChannelIsLedger", args: [d.subChannelID] };
    case "ShapeSubChannelParticipantError":
      return { name: "AdjudicatorSubChannelParticipantMismatch" };
    default:
      throw new Error(`no contract error mapped for ${err.name}`);
  }
}

/**
 * `null` when the adjudicator must accept the shape, else the contract error it must give.
 * The one rule the adjudicator does not share is a sub-channel window longer than the parent's
 * (a client rule; the adjudicator accepts and bounds it): `null` for it. Non-shape errors are
 * rethrown.
 */
export function expectedShapeRevert(
  params: Params,
  state: State,
  options: ValidateStateShapeOptions = {},
): ExpectedError | null {
  try {
    validateStateShape(params, state, options);
    return null;
  } catch (e) {
    const err = e as PerunError;
    if (!err.name?.startsWith("Shape")) throw e;
    if (err.name === "ShapeSubChannelDurationError") return null;
    return contractErrorFor(err, params, state);
  }
}

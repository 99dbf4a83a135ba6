import { SigningPolicyError } from "./signingPolicyErrors";

/**
 * Base class of every refusal by {@link validateStateShape} (the shared structure of the signing
 * policy, `chain` "all"): the state (or its parameters, or a
 * sub-channel it locks) has a shape that the contracts refuse or that could freeze or rob a
 * participant, so a client must not sign it. Each subclass names one rule and mirrors one
 * contract error (named in its doc comment); `details` carries the offending values.
 */
export class StateShapeError extends SigningPolicyError {}

/** The state's channelID is not the ID of the parameters (contract: `AdjudicatorChannelIDMismatch`). */
export class ShapeChannelIdError extends StateShapeError {}
/** The channel has no participant, so any state would count as fully signed (`AdjudicatorNoParticipants`). */
export class ShapeNoParticipantsError extends StateShapeError {}
/** A participant address appears twice (`AdjudicatorDuplicateParticipant`). */
export class ShapeDuplicateParticipantError extends StateShapeError {}
/** The challenge duration exceeds 2^32 − 1 s (`DisputeChallengeDurationOutOfRange`). */
export class ShapeChallengeDurationError extends StateShapeError {}
/** The outcome has not one balance row per asset (`AllocationBalancesCountMismatch`). */
export class ShapeBalanceRowsError extends StateShapeError {}
/** A balance row has not one entry per participant (`AllocationParticipantCountMismatch`). */
export class ShapeRowLengthError extends StateShapeError {}
/** A sub-allocation has not one locked balance per asset (`AllocationLockedBalancesCountMismatch`). */
export class ShapeLockedBalancesError extends StateShapeError {}
/** A virtual channel with an app or sub-channels (`AdjudicatorInvalidVirtualChannel`). */
export class ShapeVirtualChannelError extends StateShapeError {}
/** An index-map entry points past the parent's participants (`AdjudicatorIndexMapOutOfRange`). */
export class ShapeIndexMapRangeError extends StateShapeError {}
/** An index map names the same parent participant twice (`AdjudicatorIndexMapDuplicate`). */
export class ShapeIndexMapDuplicateError extends StateShapeError {}
/** An index map has not one entry per sub-channel participant (`AdjudicatorIndexMapLengthMismatch`). */
export class ShapeIndexMapLengthError extends StateShapeError {}
/** The sub-channel parameters given do not match the locked sub-allocations (count or ID) (`AdjudicatorSubChannelIDMismatch`). */
export class ShapeSubChannelIdError extends StateShapeError {}
/** A sub-channel whose parameters say ledger channel (`AdjudicatorSubChannelIsLedger`). */
export class ShapeSubChannelLedgerError extends StateShapeError {}
/**
 * A sub-channel whose challenge duration exceeds its parent's. A client rule only: the adjudicator
 * accepts such a lock and bounds the parent's wait to the parent's own duration (the lock is then
 * shared equally), so a client that signs it gives up its share of the sub-channel's outcome.
 */
export class ShapeSubChannelDurationError extends StateShapeError {}
/** A non-virtual sub-channel participant is not the parent participant its index-map entry names (`AdjudicatorSubChannelParticipantMismatch`). */
export class ShapeSubChannelParticipantError extends StateShapeError {}

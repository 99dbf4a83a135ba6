/**
 * Exit codes of the channel type script (ckb-scripts/channel-type). One code per rule, so a
 * failed transaction says which guard refused it. Imported by the on-chain script itself
 * (no imports here, so bundling it costs nothing) and by the off-chain tests and README.
 * Signature failures are SIG_BASE + the policy rule (src/encoding/signatureRules.ts and
 * verifySignatureWith.ts): 71 length, 72 v, 73 r = 0, 74 r ≥ n, 75 s = 0, 76 high s,
 * 77 recovery failed, 78 zero address, 79 wrong signer.
 */
export const EXIT = {
  OK: 0,
  /** The type script's own args are not a 65-byte ChannelTypeArgs after the ckb-js-vm prefix. */
  BAD_ARGS: 10,
  /** The args name a lock code other than the deployed channel-lock (data1 hash of ckb-scripts/channel-lock/channel-lock, compiled into the bytecode). */
  FOREIGN_LOCK_CODE: 11,
  /** More than one channel cell with this identity in the inputs or in the outputs, or (open) another output whose type script carries this channel ID under any reference. */
  DUPLICATE_CHANNEL: 12,
  /** Abort/Close/ForceClose whose first input is not this channel's cell: one channel pays out per transaction, whatever reference runs it (double counting). */
  OTHER_CHANNEL_IN_TX: 13,
  /** Cell data is not a canonical ChannelStatus. */
  MALFORMED_DATA: 20,
  /** The params bytes are refused by the strict ABI decoder. */
  MALFORMED_PARAMS: 21,
  /** A state's bytes are refused by the strict ABI decoder. */
  MALFORMED_STATE: 22,
  /** The witness is not a WitnessArgs whose input_type is a canonical ChannelAction. */
  MALFORMED_WITNESS: 23,
  /** Not exactly one signature per participant. */
  SIGNATURE_COUNT: 24,
  /** Open: keccak256(params) is not the channel ID in the args. */
  CHANNEL_ID_MISMATCH: 30,
  /** Open: params.nonce is not keccak256 of the first input's out-point (identity not bound). */
  NONCE_NOT_BOUND: 31,
  /** Open: funded/extras/disputed not zero, wrong lengths, or the state is not this channel's initial state. */
  BAD_INITIAL_STATUS: 32,
  /** Open: params unsupported on CKB (app channel, not ledger, virtual, ccAddress not a distinct 32-byte lock hash, an Ethereum address listed twice, window ≥ 2^56 s, < 2 or > 255 participants). */
  BAD_PARAMS: 33,
  /** Open: the outcome is malformed for CKB (shapes, sub-allocations, a CKB asset with a bad holder, a repeated asset). */
  BAD_OUTCOME: 34,
  /** The channel cell's lock is not channel-lock with this channel's type hash. */
  BAD_CHANNEL_LOCK: 35,
  /** Open: the stored initial state's version is not 0 (every signed state must be able to register over it). */
  INITIAL_VERSION_NOT_ZERO: 36,
  /** The channel cell's capacity changed. */
  CAPACITY_CHANGED: 40,
  /** The new channel cell data is not exactly the status this transition must produce. */
  BAD_NEW_STATUS: 42,
  /** A funds cell is spent in a transaction that does not pay out the channel. */
  FUNDS_SPENT: 43,
  /** Fund: this participant already funded (or the index is out of range). */
  ALREADY_FUNDED: 44,
  /** Fund: the funds cells carry less capacity than the participant's CKByte balance. */
  FUNDING_TOO_LOW: 45,
  /** Fund: the funds cells carry a different UDT amount than the participant's balance. */
  UDT_FUNDING_MISMATCH: 46,
  /** Fund: a funds cell carries a type that is not one of the channel's UDTs, or malformed UDT data. */
  WRONG_UDT: 47,
  /** Dispute/Close/ForceClose before every participant funded. */
  NOT_FULLY_FUNDED: 48,
  /** Abort after every participant funded. */
  FULLY_FUNDED: 49,
  /** Fund: no input is under participant `index`'s own lock (its ccAddress): its consent to the stored state. */
  NO_FUNDER_CONSENT: 50,
  /** Abort: no input is under a participant's own lock (its ccAddress); strangers cannot abort. */
  ABORT_NOT_BY_PARTICIPANT: 51,
  /** The state belongs to another channel. */
  STATE_CHANNEL_ID: 60,
  /** Dispute: version not newer than the registered one (or older than the stored initial state). */
  STALE_VERSION: 61,
  /** Close: the state is not final. */
  NOT_FINAL: 62,
  /** The state's assets, backends, shapes or CKB-asset totals differ from the channel's. */
  OUTCOME_CHANGED: 63,
  /** Signature failures: SIG_BASE + policy rule (1–9). */
  SIG_BASE: 70,
  /** ForceClose without a registered dispute. */
  NOT_DISPUTED: 80,
  /** ForceClose: the channel input's since is not a relative timestamp ≥ challengeDuration. */
  WINDOW_NOT_OVER: 81,
  /** A participant's outputs carry less capacity than it is owed. */
  PAYOUT_CKB_TOO_LOW: 90,
  /** A participant's outputs carry less of a UDT than it is owed. */
  PAYOUT_UDT_TOO_LOW: 91,
  /** Abort/Close/ForceClose must consume the channel cell without re-creating it. */
  CHANNEL_NOT_CONSUMED: 92,
  /** An unexpected exception (a bug; never an acceptance). */
  UNEXPECTED: 99,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Exit codes of channel-lock (C): see ckb-scripts/channel-lock/channel_lock.c. */
export const LOCK_EXIT = {
  OK: 0,
  BAD_ARGS: 1,
  NO_CHANNEL_INPUT: 2,
  SYSCALL: 3,
} as const;

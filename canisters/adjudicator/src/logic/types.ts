/**
 * Candid-shaped values the adjudicator's logic works on. They mirror the Solidity structs of
 * DESIGN.md §2 with bytes as `Uint8Array`, integers as `bigint` and principals as their raw
 * bytes, so the logic needs neither Azle nor @dfinity/principal and runs under plain Node.
 * The Azle class (../index.ts) declares the same shapes as Candid types (../candid.ts).
 */

export interface CandidParticipant {
  ethAddress: Uint8Array;
  ccAddress: Uint8Array;
}

export interface CandidParams {
  challengeDuration: bigint;
  nonce: bigint;
  participants: CandidParticipant[];
  app: Uint8Array;
  ledgerChannel: boolean;
  virtualChannel: boolean;
}

export interface CandidAsset {
  chainID: bigint;
  ethHolder: Uint8Array;
  ccHolder: Uint8Array;
}

export interface CandidSubAlloc {
  ID: Uint8Array;
  balances: bigint[];
  indexMap: number[];
}

export interface CandidAllocation {
  assets: CandidAsset[];
  backends: bigint[];
  balances: bigint[][];
  locked: CandidSubAlloc[];
}

export interface CandidState {
  channelID: Uint8Array;
  version: bigint;
  outcome: CandidAllocation;
  appData: Uint8Array;
  isFinal: boolean;
}

/** ICRC-1 account. `subaccount` is Candid `opt blob`. */
export interface Account {
  owner: Uint8Array;
  subaccount: [] | [Uint8Array];
}

/** The withdrawal authorisation as it travels in Candid (see src/encoding/icp/IcpWithdrawalAuth.ts). */
export interface CandidWithdrawalAuth {
  channelID: Uint8Array;
  participant: CandidParticipant;
  receiver: { owner: Uint8Array; subaccount: Uint8Array };
  ledger: Uint8Array;
  adjudicator: Uint8Array;
  amount: bigint;
  nonce: bigint;
}

/** `DISPUTE` while the window runs, `CONCLUDED` once the outcome is set (EVM phases 0 and 2). */
export type Phase = { Dispute: null } | { Concluded: null };

/** What one ICP asset of a registered outcome pays each participant. */
export interface IcpPayout {
  ledger: Uint8Array;
  balances: bigint[];
}

/** The dispute record of a channel; it also keeps what settling needs, so concludeDispute takes only the ID. */
export interface DisputeRecord {
  channelID: Uint8Array;
  version: bigint;
  phase: Phase;
  /** Nanoseconds (ic0.time): the window ends at this instant. */
  timeout: bigint;
  /** Seconds, from the channel parameters. */
  challengeDuration: bigint;
  stateHash: Uint8Array;
  /** Participants' eth addresses, in order: their funding IDs receive the outcome. */
  participants: Uint8Array[];
  /** The outcome's assets that this canister pays (ICP assets), one entry per ledger. */
  payouts: IcpPayout[];
}

/** Holdings of one funding ID on one ledger, with its withdrawal counter (the auth nonce). */
export interface Holding {
  amount: bigint;
  withdrawals: bigint;
}

/** ICRC-1 `TransferError` ∪ ICRC-2 `TransferFromError`: the ledger's own error, passed through. */
export type IcrcError =
  | { BadFee: { expected_fee: bigint } }
  | { BadBurn: { min_burn_amount: bigint } }
  | { InsufficientFunds: { balance: bigint } }
  | { InsufficientAllowance: { allowance: bigint } }
  | { TooOld: null }
  | { CreatedInFuture: { ledger_time: bigint } }
  | { Duplicate: { duplicate_of: bigint } }
  | { TemporarilyUnavailable: null }
  | { GenericError: { error_code: bigint; message: string } };

export type IcrcResult = { Ok: bigint } | { Err: IcrcError };

/** One entry of the event log a watcher polls (past tense, written right after the change). */
export type AdjudicatorEvent =
  | { Deposited: { ledger: Uint8Array; fundingID: Uint8Array; amount: bigint; depositor: Uint8Array } }
  | { ChannelUpdate: { channelID: Uint8Array; version: bigint; phase: Phase; timeout: bigint } }
  | { OutcomeSet: { channelID: Uint8Array } }
  | {
      Withdrawn: {
        ledger: Uint8Array;
        fundingID: Uint8Array;
        amount: bigint;
        fee: bigint;
        receiver: Account;
        blockIndex: bigint;
      };
    };

export interface LoggedEvent {
  index: bigint;
  /** ic0.time of the message that wrote it. */
  time: bigint;
  event: AdjudicatorEvent;
}

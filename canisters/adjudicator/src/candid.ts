import { IDL } from "azle";

/**
 * Candid types of the adjudicator's interface. They mirror the Solidity structs of
 * DESIGN.md §2 (bytes as `blob`, uint256 as `nat`, uint64 as `nat64`) and the logic's types
 * (./logic/types.ts); the generated `.did` (adjudicator.did) is built from these.
 */

const Blob = IDL.Vec(IDL.Nat8);

export const Participant = IDL.Record({ ethAddress: Blob, ccAddress: Blob });
export const Params = IDL.Record({
  challengeDuration: IDL.Nat,
  nonce: IDL.Nat,
  participants: IDL.Vec(Participant),
  app: Blob,
  ledgerChannel: IDL.Bool,
  virtualChannel: IDL.Bool,
});
export const Asset = IDL.Record({ chainID: IDL.Nat, ethHolder: Blob, ccHolder: Blob });
export const SubAlloc = IDL.Record({ ID: Blob, balances: IDL.Vec(IDL.Nat), indexMap: IDL.Vec(IDL.Nat16) });
export const Allocation = IDL.Record({
  assets: IDL.Vec(Asset),
  backends: IDL.Vec(IDL.Nat),
  balances: IDL.Vec(IDL.Vec(IDL.Nat)),
  locked: IDL.Vec(SubAlloc),
});
export const State = IDL.Record({
  channelID: Blob,
  version: IDL.Nat64,
  outcome: Allocation,
  appData: Blob,
  isFinal: IDL.Bool,
});

export const Account = IDL.Record({ owner: IDL.Principal, subaccount: IDL.Opt(Blob) });
export const WithdrawalAuth = IDL.Record({
  channelID: Blob,
  participant: Participant,
  receiver: IDL.Record({ owner: Blob, subaccount: Blob }),
  ledger: Blob,
  adjudicator: Blob,
  amount: IDL.Nat,
  nonce: IDL.Nat64,
});

export const Phase = IDL.Variant({ Dispute: IDL.Null, Concluded: IDL.Null });
export const IcpPayout = IDL.Record({ ledger: Blob, balances: IDL.Vec(IDL.Nat) });
export const DisputeRecord = IDL.Record({
  channelID: Blob,
  version: IDL.Nat64,
  phase: Phase,
  timeout: IDL.Nat64,
  challengeDuration: IDL.Nat,
  stateHash: Blob,
  participants: IDL.Vec(Blob),
  payouts: IDL.Vec(IcpPayout),
});

/** ICRC-1 TransferError ∪ ICRC-2 TransferFromError. */
export const IcrcError = IDL.Variant({
  BadFee: IDL.Record({ expected_fee: IDL.Nat }),
  BadBurn: IDL.Record({ min_burn_amount: IDL.Nat }),
  InsufficientFunds: IDL.Record({ balance: IDL.Nat }),
  InsufficientAllowance: IDL.Record({ allowance: IDL.Nat }),
  TooOld: IDL.Null,
  CreatedInFuture: IDL.Record({ ledger_time: IDL.Nat64 }),
  Duplicate: IDL.Record({ duplicate_of: IDL.Nat }),
  TemporarilyUnavailable: IDL.Null,
  GenericError: IDL.Record({ error_code: IDL.Nat, message: IDL.Text }),
});

export const AdjudicatorError = IDL.Variant({
  BadSignature: IDL.Record({ index: IDL.Nat32, rule: IDL.Text, message: IDL.Text }),
  WrongSigner: IDL.Record({ index: IDL.Nat32, expected: Blob, recovered: Blob }),
  SignatureCount: IDL.Record({ expected: IDL.Nat32, given: IDL.Nat32 }),
  StaleVersion: IDL.Record({ registered: IDL.Nat64, given: IDL.Nat64 }),
  ChannelIdMismatch: IDL.Record({ expected: Blob, given: Blob }),
  NotRegistered: IDL.Record({ channelID: Blob }),
  WindowStillOpen: IDL.Record({ timeout: IDL.Nat64, now: IDL.Nat64 }),
  WindowOver: IDL.Record({ timeout: IDL.Nat64, now: IDL.Nat64 }),
  AlreadyConcluded: IDL.Record({ channelID: Blob }),
  NotFinal: IDL.Record({ channelID: Blob }),
  NotConcluded: IDL.Record({ fundingID: Blob }),
  InsufficientHoldings: IDL.Record({ available: IDL.Nat, requested: IDL.Nat }),
  LedgerError: IDL.Record({ ledger: Blob, error: IcrcError }),
  LedgerCallFailed: IDL.Record({ ledger: Blob, code: IDL.Nat32, message: IDL.Text }),
  UnsupportedChannel: IDL.Record({ reason: IDL.Text }),
  ChallengeDurationOutOfRange: IDL.Record({ duration: IDL.Nat, max: IDL.Nat }),
  InvalidParams: IDL.Record({ reason: IDL.Text }),
  InvalidOutcome: IDL.Record({ reason: IDL.Text }),
  InvalidEncoding: IDL.Record({ field: IDL.Text, message: IDL.Text }),
  ChannelSettled: IDL.Record({ fundingID: Blob }),
  ZeroAmount: IDL.Null,
  AmountNotAboveFee: IDL.Record({ amount: IDL.Nat, fee: IDL.Nat }),
  WrongAdjudicator: IDL.Record({ expected: Blob, given: Blob }),
  WrongNonce: IDL.Record({ expected: IDL.Nat64, given: IDL.Nat64 }),
  InvalidPrincipal: IDL.Record({ field: IDL.Text, length: IDL.Nat32 }),
  LedgerNotAllowed: IDL.Record({ ledger: Blob }),
  NotController: IDL.Record({ caller: Blob }),
  TooManyParticipants: IDL.Record({ max: IDL.Nat32, given: IDL.Nat32 }),
  TooManyAssets: IDL.Record({ max: IDL.Nat32, given: IDL.Nat32 }),
});

const result = (ok: IDL.Type) => IDL.Variant({ Ok: ok, Err: AdjudicatorError });
export const DepositResult = result(IDL.Nat);
export const DisputeResult = result(DisputeRecord);
export const UnitResult = result(IDL.Null);
export const WithdrawResult = result(IDL.Record({ blockIndex: IDL.Nat, paid: IDL.Nat }));

export const Event = IDL.Variant({
  Deposited: IDL.Record({ ledger: Blob, fundingID: Blob, amount: IDL.Nat, depositor: Blob }),
  ChannelUpdate: IDL.Record({ channelID: Blob, version: IDL.Nat64, phase: Phase, timeout: IDL.Nat64 }),
  OutcomeSet: IDL.Record({ channelID: Blob }),
  Withdrawn: IDL.Record({
    ledger: Blob,
    fundingID: Blob,
    amount: IDL.Nat,
    fee: IDL.Nat,
    receiver: IDL.Record({ owner: Blob, subaccount: IDL.Opt(Blob) }),
    blockIndex: IDL.Nat,
  }),
});
export const LoggedEvent = IDL.Record({ index: IDL.Nat64, time: IDL.Nat64, event: Event });
export const EventPage = IDL.Record({ events: IDL.Vec(LoggedEvent), next: IDL.Nat64 });

/** ICRC ledger calls the canister makes. */
const LedgerAccount = IDL.Record({ owner: IDL.Principal, subaccount: IDL.Opt(Blob) });
export const TransferFromArgs = IDL.Record({
  from: LedgerAccount,
  to: LedgerAccount,
  amount: IDL.Nat,
  fee: IDL.Opt(IDL.Nat),
  memo: IDL.Opt(Blob),
  created_at_time: IDL.Opt(IDL.Nat64),
  spender_subaccount: IDL.Opt(Blob),
});
export const TransferArg = IDL.Record({
  from_subaccount: IDL.Opt(Blob),
  to: LedgerAccount,
  amount: IDL.Nat,
  fee: IDL.Opt(IDL.Nat),
  memo: IDL.Opt(Blob),
  created_at_time: IDL.Opt(IDL.Nat64),
});
export const IcrcResult = IDL.Variant({ Ok: IDL.Nat, Err: IcrcError });

import { IDL } from "@icp-sdk/core/candid";

/** The ICRC-1/ICRC-2 Candid types the fake ledger peer decodes and answers with (the ledgers' standard interface). */
const Blob = IDL.Vec(IDL.Nat8);
const Account = IDL.Record({ owner: IDL.Principal, subaccount: IDL.Opt(Blob) });
export const TransferArg = IDL.Record({
  from_subaccount: IDL.Opt(Blob),
  to: Account,
  amount: IDL.Nat,
  fee: IDL.Opt(IDL.Nat),
  memo: IDL.Opt(Blob),
  created_at_time: IDL.Opt(IDL.Nat64),
});
export const TransferFromArgs = IDL.Record({
  from: Account,
  to: Account,
  amount: IDL.Nat,
  fee: IDL.Opt(IDL.Nat),
  memo: IDL.Opt(Blob),
  created_at_time: IDL.Opt(IDL.Nat64),
  spender_subaccount: IDL.Opt(Blob),
});
const TransferError = IDL.Variant({
  BadFee: IDL.Record({ expected_fee: IDL.Nat }),
  BadBurn: IDL.Record({ min_burn_amount: IDL.Nat }),
  InsufficientFunds: IDL.Record({ balance: IDL.Nat }),
  TooOld: IDL.Null,
  CreatedInFuture: IDL.Record({ ledger_time: IDL.Nat64 }),
  Duplicate: IDL.Record({ duplicate_of: IDL.Nat }),
  TemporarilyUnavailable: IDL.Null,
  GenericError: IDL.Record({ error_code: IDL.Nat, message: IDL.Text }),
});
const TransferFromError = IDL.Variant({
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
export const TransferResult = IDL.Variant({ Ok: IDL.Nat, Err: TransferError });
export const TransferFromResult = IDL.Variant({ Ok: IDL.Nat, Err: TransferFromError });

import type { Account, IcrcResult } from "./types";

/** ICRC-2 `TransferFromArgs` with principals as bytes. */
export interface TransferFromArgs {
  from: Account;
  to: Account;
  amount: bigint;
  fee: [] | [bigint];
  memo: [] | [Uint8Array];
  created_at_time: [] | [bigint];
  spender_subaccount: [] | [Uint8Array];
}

/** ICRC-1 `TransferArg` with principals as bytes. */
export interface TransferArgs {
  from_subaccount: [] | [Uint8Array];
  to: Account;
  amount: bigint;
  fee: [] | [bigint];
  memo: [] | [Uint8Array];
  created_at_time: [] | [bigint];
}

/**
 * Inter-canister calls to ICRC ledgers. Each method is an `await`: other messages run in
 * between and everything written before it is committed. A rejected call (the ledger trapped,
 * does not exist, or the system refused) throws {@link LedgerCallRejected}; a ledger error is
 * an `{ Err }` result; a trapped callback throws {@link LedgerCallInCleanup} in the cleanup
 * callback.
 */
export interface Ledgers {
  transferFrom(ledger: Uint8Array, args: TransferFromArgs): Promise<IcrcResult>;
  transfer(ledger: Uint8Array, args: TransferArgs): Promise<IcrcResult>;
}

/**
 * The ledger call's reply or reject callback trapped, and this is the IC's cleanup callback
 * (Azle settles the call's promise with its `CleanupCallback` error there). The IC allows no
 * `msg_reply`/`msg_reject` in a cleanup callback: a reply would trap and roll back whatever the
 * cleanup wrote. So the logic undoes its pre-call writes (a withdrawal's debit) and rethrows
 * this; the entry point then answers nothing (see ../answerUnlessCleanup.ts) and the IC rejects
 * the caller's call ("did not reply") with the restore committed.
 */
export class LedgerCallInCleanup extends Error {
  constructor() {
    super("ledger call: executing within the cleanup callback");
    this.name = "LedgerCallInCleanup";
    Object.setPrototypeOf(this, LedgerCallInCleanup.prototype);
  }
}

export class LedgerCallRejected extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`ledger call rejected (${code}): ${reason}`);
    this.name = "LedgerCallRejected";
    Object.setPrototypeOf(this, LedgerCallRejected.prototype);
  }
}

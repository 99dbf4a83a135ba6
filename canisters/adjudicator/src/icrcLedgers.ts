import { call, Principal } from "azle";
import { IcrcResult, TransferArg, TransferFromArgs } from "./candid";
import {
  LedgerCallInCleanup,
  LedgerCallRejected,
  type Ledgers,
  type TransferArgs,
  type TransferFromArgs as LogicTransferFromArgs,
} from "./logic/ledgers";
import type { Account, IcrcResult as LogicIcrcResult } from "./logic/types";

/**
 * {@link Ledgers} over real inter-canister calls (ICRC-1 `icrc1_transfer`, ICRC-2
 * `icrc2_transfer_from`). A rejected call becomes {@link LedgerCallRejected}. A reply that is
 * not a valid ICRC result makes Azle's reply callback trap; the IC then runs the cleanup
 * callback, where Azle rejects the promise with its `CleanupCallback` error, which becomes
 * {@link LedgerCallInCleanup}: a deposit credits nothing and a withdrawal restores its debit,
 * without replying (the IC forbids a reply there). Only a ledger that breaks ICRC-1 sends such a
 * reply, and that ledger controls its own token's balances anyway; no other ledger's books are
 * touched.
 */
export const icrcLedgers: Ledgers = {
  transferFrom: (ledger, args: LogicTransferFromArgs) =>
    ledgerCall(ledger, "icrc2_transfer_from", TransferFromArgs, {
      ...args,
      from: account(args.from),
      to: account(args.to),
    }),
  transfer: (ledger, args: TransferArgs) =>
    ledgerCall(ledger, "icrc1_transfer", TransferArg, { ...args, to: account(args.to) }),
};

let inFlight = 0;

/** Ledger calls sent and not yet answered (their callbacks, or cleanup callbacks, have not run). */
export function ledgerCallsInFlight(): number {
  return inFlight;
}

function account(a: Account): { owner: Principal; subaccount: [] | [Uint8Array] } {
  return { owner: Principal.fromUint8Array(a.owner), subaccount: a.subaccount };
}

async function ledgerCall(
  ledger: Uint8Array,
  method: string,
  argType: typeof TransferArg,
  arg: unknown,
): Promise<LogicIcrcResult> {
  // Counted on the heap: the increment is committed at the await, the decrement runs in the
  // reply/reject callback or, when that traps, in the cleanup callback (the `finally`).
  inFlight += 1;
  try {
    return await call<[unknown], LogicIcrcResult>(Principal.fromUint8Array(ledger), method, {
      paramIdlTypes: [argType],
      returnIdlType: IcrcResult,
      args: [arg],
    });
  } catch (e) {
    const x = e as { type?: string; rejectCode?: number; rejectMessage?: string; message?: string };
    if (x?.type === "CleanupCallback") throw new LedgerCallInCleanup();
    throw new LedgerCallRejected(Number(x?.rejectCode ?? 0), String(x?.rejectMessage ?? x?.message ?? e));
  } finally {
    inFlight -= 1;
  }
}

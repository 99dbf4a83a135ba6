import { call, Principal } from "azle";
import { IcrcResult, TransferArg, TransferFromArgs } from "./candid";
import { LedgerCallRejected, type Ledgers, type TransferArgs, type TransferFromArgs as LogicTransferFromArgs } from "./logic/ledgers";
import type { Account, IcrcResult as LogicIcrcResult } from "./logic/types";

/**
 * {@link Ledgers} over real inter-canister calls (ICRC-1 `icrc1_transfer`, ICRC-2
 * `icrc2_transfer_from`). A rejected call becomes {@link LedgerCallRejected}. A reply that is
 * not a valid ICRC result makes Azle trap in the callback: the callback's writes roll back,
 * everything before the await stays — a deposit credits nothing, a withdrawal keeps its
 * debit (the transfer may have happened, so the books stay on the safe side).
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

function account(a: Account): { owner: Principal; subaccount: [] | [Uint8Array] } {
  return { owner: Principal.fromUint8Array(a.owner), subaccount: a.subaccount };
}

async function ledgerCall(ledger: Uint8Array, method: string, argType: typeof TransferArg, arg: unknown): Promise<LogicIcrcResult> {
  try {
    return await call<[unknown], LogicIcrcResult>(Principal.fromUint8Array(ledger), method, {
      paramIdlTypes: [argType],
      returnIdlType: IcrcResult,
      args: [arg],
    });
  } catch (e) {
    const x = e as { rejectCode?: number; rejectMessage?: string; message?: string };
    throw new LedgerCallRejected(Number(x?.rejectCode ?? 0), String(x?.rejectMessage ?? x?.message ?? e));
  }
}

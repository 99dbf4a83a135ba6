import type { Context } from "./context";
import { Refusal, type AdjudicatorError, type Result } from "./errors";
import { emit } from "./events";
import { key } from "./bytes";
import { requireLength, requirePrincipal } from "./guards";
import { LedgerCallRejected } from "./ledgers";
import { requireAllowedLedger } from "./ledgerAllowList";

/**
 * Pulls `amount` from the caller's account on `ledger` (ICRC-2 `icrc2_transfer_from`; the
 * caller must have approved this canister for amount + the ledger's fee, which the ledger
 * charges to the caller) and credits it to `fundingID` — only after the ledger answered Ok,
 * so a failed or rejected transfer credits nothing. Returns the funding ID's new holdings.
 *
 * Only the caller's own account is ever debited (never another account that approved us).
 * A deposit into a settled funding ID is refused before any transfer; one that races a
 * settlement (the channel concludes while the transfer is in flight) is still credited to
 * its funding ID, where only its participant can withdraw it (DESIGN §3).
 */
export async function deposit(
  ctx: Context,
  ledger: Uint8Array,
  fundingID: Uint8Array,
  amount: bigint,
  fromSubaccount: [] | [Uint8Array],
): Promise<Result<bigint>> {
  const l = key(ledger);
  const fid = key(fundingID);
  try {
    requirePrincipal(ledger, "ledger");
    requireAllowedLedger(ctx, ledger);
    requireLength(fundingID, 32, "fundingID");
    if (fromSubaccount.length === 1) requireLength(fromSubaccount[0], 32, "fromSubaccount");
    if (amount === 0n) throw new Refusal({ ZeroAmount: null });
    if (ctx.storage.isSettled(fid)) throw new Refusal({ ChannelSettled: { fundingID } });
  } catch (e) {
    if (e instanceof Refusal) return { Err: e.error };
    throw e;
  }
  const caller = ctx.caller;
  let result;
  try {
    result = await ctx.ledgers.transferFrom(ledger, {
      from: { owner: caller, subaccount: fromSubaccount },
      to: { owner: ctx.self, subaccount: [] },
      amount,
      fee: [],
      memo: [],
      created_at_time: [],
      spender_subaccount: [],
    });
  } catch (e) {
    if (e instanceof LedgerCallRejected)
      return { Err: { LedgerCallFailed: { ledger, code: e.code, message: e.reason } } };
    throw e;
  }
  if ("Err" in result) return { Err: { LedgerError: { ledger, error: result.Err } } satisfies AdjudicatorError };
  // Read after the await: other deposits and withdrawals may have changed the holding meanwhile.
  const h = ctx.storage.holding(l, fid) ?? { amount: 0n, withdrawals: 0n };
  const total = h.amount + amount;
  ctx.storage.setHolding(l, fid, { amount: total, withdrawals: h.withdrawals });
  emit(ctx, { Deposited: { ledger, fundingID, amount, depositor: caller } });
  return { Ok: total };
}

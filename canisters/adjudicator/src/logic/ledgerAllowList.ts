import type { Context } from "./context";
import { Refusal, refusalsAsErr, type Result } from "./errors";
import { key } from "./bytes";
import { requirePrincipal } from "./guards";

/**
 * The controller's allow-list of ICRC ledgers. The canister calls no other ledger.
 *
 * Why (DESIGN.md §10, "ICP"): Azle 0.33 makes every inter-canister call an unbounded-wait call
 * (its `timeout` option throws "not yet implemented"), and the IC stops a canister only after
 * every outstanding call has been answered. A "ledger" that never answers would keep an
 * in-flight deposit or withdrawal open forever; the canister refuses upgrades while a ledger call
 * is outstanding (an upgrade would run its callback against the new code and lose the debit), so
 * such a ledger could block every upgrade. Listing only ledgers the controller trusts to answer
 * (the ICP ledger, ckBTC, …) closes that. Unlisting a ledger stops new deposits and withdrawals
 * on it; its holdings stay and are paid again once it is listed again.
 */
export function setLedgerAllowed(
  ctx: Context,
  callerIsController: boolean,
  ledger: Uint8Array,
  allowed: boolean,
): Result<null> {
  return refusalsAsErr(() => {
    if (!callerIsController) throw new Refusal({ NotController: { caller: ctx.caller } });
    requirePrincipal(ledger, "ledger");
    ctx.storage.setLedgerAllowed(key(ledger), allowed);
    return null;
  });
}

/** Refuses a ledger the controller has not listed (before any other work). */
export function requireAllowedLedger(ctx: Context, ledger: Uint8Array): void {
  if (!ctx.storage.isLedgerAllowed(key(ledger))) throw new Refusal({ LedgerNotAllowed: { ledger } });
}

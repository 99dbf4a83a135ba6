import type { Context } from "./context";
import { key } from "./bytes";
import type { DisputeRecord } from "./types";

/** Holdings of `fundingID` on `ledger` (0 when none). */
export function holdings(ctx: Context, ledger: Uint8Array, fundingID: Uint8Array): bigint {
  return ctx.storage.holding(key(ledger), key(fundingID))?.amount ?? 0n;
}

/** The withdrawal counter of (ledger, funding ID): the nonce the next withdrawal authorisation must carry. */
export function withdrawalNonce(ctx: Context, ledger: Uint8Array, fundingID: Uint8Array): bigint {
  return ctx.storage.holding(key(ledger), key(fundingID))?.withdrawals ?? 0n;
}

/** A channel's dispute record, if it was ever registered or concluded. */
export function disputeOf(ctx: Context, channelID: Uint8Array): DisputeRecord | undefined {
  return ctx.storage.dispute(key(channelID));
}

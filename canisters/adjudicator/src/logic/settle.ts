import { fundingId } from "../../../../src/encoding/fundingId";
import { bytesToHex } from "../../../../src/encoding/internal/hex";
import type { Context } from "./context";
import { emit } from "./events";
import { key } from "./bytes";
import type { DisputeRecord } from "./types";

/**
 * Sets a concluded channel's outcome in the holdings (upstream `setOutcome`, per ledger):
 * when the participants' deposits on a ledger cover the outcome's total for it, each funding
 * ID's holding becomes its outcome balance; otherwise (underfunded) nobody gets the outcome
 * and every deposit stays withdrawable by its own participant. Either way no funding ID can
 * be paid more than the channel's deposits on that ledger — which protects every other
 * channel's holdings from a channel whose outcome promises more than was put in. All
 * participants' funding IDs are then marked settled: later deposits are refused and
 * withdrawals are allowed.
 */
export function settle(ctx: Context, record: DisputeRecord): void {
  const channelHex = bytesToHex(record.channelID);
  const fids = record.participants.map((p) => fundingId(channelHex, bytesToHex(p)));
  for (const payout of record.payouts) {
    const ledger = key(payout.ledger);
    let held = 0n;
    let owed = 0n;
    for (let i = 0; i < fids.length; i++) {
      held += ctx.storage.holding(ledger, fids[i])?.amount ?? 0n;
      owed += payout.balances[i];
    }
    if (held < owed) continue;
    for (let i = 0; i < fids.length; i++) {
      const h = ctx.storage.holding(ledger, fids[i]);
      if (h === undefined && payout.balances[i] === 0n) continue;
      ctx.storage.setHolding(ledger, fids[i], { amount: payout.balances[i], withdrawals: h?.withdrawals ?? 0n });
    }
  }
  for (const fid of fids) ctx.storage.setSettled(fid);
  emit(ctx, { OutcomeSet: { channelID: record.channelID } });
}

import type { Context } from "./context";
import { Refusal, refusalsAsErr, type Result } from "./errors";
import { key } from "./bytes";
import { requireLength } from "./guards";
import { commitRecord } from "./commitRecord";
import type { DisputeRecord } from "./types";

/**
 * After the challenge window, the registered state's outcome becomes final. Anyone may call
 * it (the outcome was fixed by the registered, fully signed state); before the window ends it
 * is refused, so the honest participant always has the whole window to refute.
 */
export function concludeDispute(ctx: Context, channelID: Uint8Array): Result<DisputeRecord> {
  return refusalsAsErr(() => {
    requireLength(channelID, 32, "channelID");
    const id = key(channelID);
    const record = ctx.storage.dispute(id);
    if (record === undefined) throw new Refusal({ NotRegistered: { channelID } });
    if ("Concluded" in record.phase) throw new Refusal({ AlreadyConcluded: { channelID } });
    const now = ctx.now();
    if (now < record.timeout) throw new Refusal({ WindowStillOpen: { timeout: record.timeout, now } });
    record.phase = { Concluded: null };
    commitRecord(ctx, id, record);
    return record;
  });
}

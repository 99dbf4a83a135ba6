import type { Context } from "./context";
import { emit } from "./events";
import { settle } from "./settle";
import type { DisputeRecord } from "./types";

/**
 * Stores a channel's new dispute record, logs the `ChannelUpdate` a watcher polls for, and,
 * when the record is concluded, sets its outcome in the holdings. The one way dispute,
 * conclude and concludeDispute change a record, so the event log and the holdings can never
 * disagree with the stored phase.
 */
export function commitRecord(ctx: Context, id: string, record: DisputeRecord): void {
  ctx.storage.setDispute(id, record);
  emit(ctx, {
    ChannelUpdate: {
      channelID: record.channelID,
      version: record.version,
      phase: record.phase,
      timeout: record.timeout,
    },
  });
  if ("Concluded" in record.phase) settle(ctx, record);
}

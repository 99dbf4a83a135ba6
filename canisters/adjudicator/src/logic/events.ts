import type { Context } from "./context";
import type { AdjudicatorEvent, LoggedEvent } from "./types";

/** Appends to the event log; indices are dense from 0, so a watcher polls `events(next, limit)`. */
export function emit(ctx: Context, event: AdjudicatorEvent): void {
  ctx.storage.appendEvent({ index: ctx.storage.eventCount(), time: ctx.now(), event });
}

/** The page of at most `limit` (capped at {@link MAX_EVENT_PAGE}) events from index `from`, and the index to poll next. */
export function readEvents(ctx: Context, from: bigint, limit: number): { events: LoggedEvent[]; next: bigint } {
  const count = ctx.storage.eventCount();
  const n = BigInt(Math.max(0, Math.min(limit, MAX_EVENT_PAGE)));
  const end = from + n < count ? from + n : count;
  const events: LoggedEvent[] = [];
  for (let i = from; i < end; i++) events.push(ctx.storage.event(i) as LoggedEvent);
  return { events, next: from + BigInt(events.length) };
}

export const MAX_EVENT_PAGE = 100;

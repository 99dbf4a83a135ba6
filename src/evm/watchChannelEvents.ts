/**
 * Watches the Perun events from a start block on: first everything since `fromBlock` (a
 * watchtower that restarts passes the block after the last one it handled), then each new
 * block as it arrives, by polling — which works with every node, unlike `eth_newFilter`.
 * Events are delivered in chain order, each exactly once, and only from blocks at least
 * `confirmations` deep.
 */
import type { Provider } from "ethers";
import { queryChannelEvents } from "./channelEvents";
import type { ChannelEventFilter, PerunEvmEvent } from "./channelEvents";
import { toEvmError } from "./toEvmError";

/** Options of `watchChannelEvents`. */
export interface WatchOptions extends ChannelEventFilter {
  /** First block to read. */
  fromBlock: number;
  /** Called for each event, in order; awaited before the next. */
  onEvent: (event: PerunEvmEvent) => void | Promise<void>;
  /** Called when reading fails; the watcher retries at the next poll. Default: ignore. */
  onError?: (error: Error) => void;
  /** Poll interval in milliseconds (default 1000). */
  pollIntervalMs?: number;
  /** Blocks to wait before reporting (reorg safety; default 0). */
  confirmations?: number;
}

/** A running watcher. */
export interface EventWatcher {
  /** The next block the watcher will read. */
  readonly nextBlock: number;
  /** Reads once now (also what every poll does); resolves when the events were delivered. */
  poll(): Promise<void>;
  /** Stops polling; resolves after the poll in progress (if any) has finished. */
  stop(): Promise<void>;
}

/** Starts watching; see the file comment. */
export function watchChannelEvents(provider: Provider, options: WatchOptions): EventWatcher {
  let next = options.fromBlock;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: [number, number] | undefined;

  const readOnce = async (): Promise<void> => {
    let head: number;
    try {
      head = (await provider.getBlockNumber()) - (options.confirmations ?? 0);
    } catch (e) {
      options.onError?.(toEvmError("eth_blockNumber", e));
      return;
    }
    if (head < next) return;
    let events: PerunEvmEvent[];
    try {
      events = await queryChannelEvents(provider, options, next, head);
    } catch (e) {
      options.onError?.(e as Error);
      return;
    }
    for (const event of events) {
      // After a failed `onEvent` the range is read again; what was delivered is not repeated.
      if (last && (event.blockNumber < last[0] || (event.blockNumber === last[0] && event.logIndex <= last[1])))
        continue;
      try {
        await options.onEvent(event);
      } catch (e) {
        options.onError?.(e as Error);
        return;
      }
      last = [event.blockNumber, event.logIndex];
    }
    next = head + 1;
  };
  const poll = (): Promise<void> => {
    running = running.then(readOnce);
    return running;
  };
  const loop = (): void => {
    if (stopped) return;
    void poll().finally(() => {
      if (!stopped) timer = setTimeout(loop, options.pollIntervalMs ?? 1000);
    });
  };
  loop();

  return {
    get nextBlock() {
      return next;
    },
    poll,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}

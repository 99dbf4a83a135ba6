/**
 * Turns whatever ethers (or a provider under it) threw into the client's typed errors. Revert
 * data sits at different depths depending on the provider (ethers' JsonRpcProvider puts it on
 * the error, Hardhat's provider on a nested error), so it is searched for, not assumed.
 */
import { PerunError } from "../index";
import { decodeRevertData } from "./contractErrors";
import { ContractRevertError, EvmInsufficientFundsError, EvmRpcError, UnknownRevertError } from "./errors";
import type { EvmClientError } from "./errors";

const REVERT_DATA = /^0x([0-9a-fA-F]{2})*$/;

/** The revert data carried by `e` (or by an error nested in it), if any. */
export function revertDataOf(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length > 0) {
    const x = queue.shift();
    if (x === null || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    const o = x as Record<string, unknown>;
    if (typeof o.data === "string" && REVERT_DATA.test(o.data) && o.data.length >= 10) return o.data;
    if (o.data !== null && typeof o.data === "object") queue.push(o.data);
    for (const key of ["error", "cause", "info", "receipt"]) queue.push(o[key]);
  }
  return undefined;
}

function isCallException(e: unknown): boolean {
  const o = e as { code?: unknown; message?: unknown } | null;
  if (o?.code === "CALL_EXCEPTION") return true;
  return typeof o?.message === "string" && /revert/i.test(o.message);
}

/**
 * The node's own words: the `message` of the innermost JSON-RPC error object (`{ code: number,
 * message }`) nested in `e`. Over HTTP, ethers wraps a refusal it cannot classify as "could not
 * coalesce error" and keeps the node's reason only in `error`/`info.error`.
 */
function nodeReason(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  let found: string | undefined;
  while (queue.length > 0) {
    const x = queue.shift();
    if (x === null || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    const o = x as Record<string, unknown>;
    if (typeof o.code === "number" && typeof o.message === "string" && o.message !== "") found = o.message;
    for (const key of ["error", "cause", "info"]) queue.push(o[key]);
  }
  return found;
}

const INSUFFICIENT_FUNDS = /insufficient funds|doesn't have enough funds/i;

function shortMessage(e: unknown): string {
  const reason = nodeReason(e);
  if (reason !== undefined) return reason;
  const o = e as { shortMessage?: unknown; message?: unknown } | null;
  if (typeof o?.shortMessage === "string") return o.shortMessage;
  if (typeof o?.message === "string") return o.message.split("\n")[0];
  return String(e);
}

/** The typed error for `e`, thrown while the client did `action` (e.g. "Adjudicator.register"). */
export function toEvmError(action: string, e: unknown): EvmClientError | PerunError {
  if (e instanceof PerunError) return e;
  const data = revertDataOf(e);
  if (data !== undefined) {
    const decoded = decodeRevertData(data);
    return decoded ? new ContractRevertError(action, decoded, data, e) : new UnknownRevertError(action, data, e);
  }
  if (isCallException(e)) return new UnknownRevertError(action, "0x", e);
  const reason = shortMessage(e);
  if ((e as { code?: unknown } | null)?.code === "INSUFFICIENT_FUNDS" || INSUFFICIENT_FUNDS.test(reason)) {
    return new EvmInsufficientFundsError(action, reason, e);
  }
  return new EvmRpcError(action, reason, e);
}

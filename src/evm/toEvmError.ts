/**
 * Turns whatever ethers (or a provider under it) threw into the client's typed errors. Revert
 * data sits at different depths depending on the provider (ethers' JsonRpcProvider puts it on
 * the error, Hardhat's provider on a nested error), so it is searched for, not assumed.
 */
import { PerunError } from "../index";
import { decodeRevertData } from "./contractErrors";
import { ContractRevertError, EvmRpcError, UnknownRevertError } from "./errors";
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

function shortMessage(e: unknown): string {
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
  return new EvmRpcError(action, shortMessage(e), e);
}

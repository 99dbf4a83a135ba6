/**
 * Input checks of the ICP client, run before any call so that a malformed request never reaches
 * the network (and never costs the canister cycles).
 */
import type { Principal } from "@icp-sdk/core/principal";
import { PerunError, hexToBytes } from "../index";
import { IcpAgentError, IcpClientInputError } from "./errors";

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

function shown(value: unknown): string {
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return typeof value === "bigint" ? `${value}n` : typeof value;
}

/** 32 bytes of 0x-hex (a channel or funding ID) as bytes. */
export function icpBytes32(value: unknown, name: string): Uint8Array {
  if (typeof value !== "string" || !BYTES32.test(value)) {
    throw new IcpClientInputError(`${name} must be 32 bytes of 0x-hex (64 hex digits), got ${shown(value)}`, {
      [name]: value,
    });
  }
  return hexToBytes(value, name);
}

/** Any 0x-hex as bytes, with the client's error type. */
export function icpHexBytes(value: unknown, name: string): Uint8Array {
  try {
    return hexToBytes(value, name);
  } catch (e) {
    throw new IcpClientInputError(`${name}: ${(e as Error).message}`, { [name]: value }, e);
  }
}

/** A bigint ≥ `min` (amounts, fees, nonces, event indices). */
export function icpAmount(value: unknown, name: string, min: bigint): bigint {
  if (typeof value !== "bigint" || value < min) {
    throw new IcpClientInputError(`${name} must be a bigint ${min === 0n ? "≥ 0" : `≥ ${min}`}, got ${shown(value)}`, {
      [name]: value,
    });
  }
  return value;
}

/** A Principal object (from `@icp-sdk/core/principal`). */
export function icpPrincipal(value: unknown, name: string): Principal {
  const p = value as { toUint8Array?: unknown; toText?: unknown } | null;
  if (typeof p !== "object" || p === null || typeof p.toUint8Array !== "function" || typeof p.toText !== "function") {
    throw new IcpClientInputError(`${name} must be a Principal (Principal.fromText("…")), got ${shown(value)}`, {
      [name]: typeof value,
    });
  }
  return value as Principal;
}

/** An optional 32-byte ICRC-1 subaccount. */
export function icpSubaccount(value: unknown, name: string): Uint8Array | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Uint8Array) || value.length !== 32) {
    throw new IcpClientInputError(`${name} must be a 32-byte Uint8Array`, {
      [name]: value instanceof Uint8Array ? `${value.length} bytes` : typeof value,
    });
  }
  return value;
}

/** Runs one call of the agent; its failures become `IcpAgentError`s, the library's errors pass. */
export async function icpCall<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof PerunError) throw e;
    throw new IcpAgentError(action, agentReason(e), e);
  }
}

/**
 * The first line of the agent's message (its errors carry multi-line HTTP details and stacks),
 * plus the innermost cause's first line (e.g. "connect ECONNREFUSED 127.0.0.1:4943").
 */
export function agentReason(e: unknown): string {
  const firstLine = (x: unknown) => {
    const m = x instanceof Error ? x.message : String(x);
    return (m.split("\n").find((l) => l.trim() !== "") ?? m).trim();
  };
  let innermost: unknown;
  const seen = new Set<unknown>();
  for (let x: unknown = e; x !== null && typeof x === "object" && !seen.has(x);) {
    seen.add(x);
    const o = x as { cause?: unknown; error?: unknown };
    const next = o.cause ?? o.error;
    if (next instanceof Error) innermost = next;
    x = next;
  }
  const head = firstLine(e);
  const tail = innermost === undefined ? "" : firstLine(innermost);
  return tail === "" || head.includes(tail) ? head : `${head} (${tail})`;
}

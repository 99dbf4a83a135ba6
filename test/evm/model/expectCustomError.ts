/**
 * Decoding and checking custom-error reverts for the EVM property tests.
 *
 * chai's `revertedWithCustomError` checks one error name per call. The property tests often
 * know that an action is invalid for several reasons at once (stale version AND wrong phase),
 * where the contract may legitimately report whichever it checks first. So this helper takes
 * the set of acceptable errors, decodes the revert data with the contracts' ABIs, and fails
 * with the decoded error (or the raw data) when the revert is not one of them.
 */
import { expect } from "chai";
import type { Interface, ErrorDescription } from "ethers";

/**
 * One acceptable custom error; `args`, when given, must equal the decoded arguments exactly.
 * The name `*` accepts any custom error (for attacks the specification forbids without naming
 * the error).
 */
export interface ExpectedError {
  name: string;
  args?: readonly unknown[];
}

/** A decoded revert: the error's name and arguments (addresses checksummed as ethers returns them). */
export interface DecodedRevert {
  name: string;
  args: unknown[];
}

/** Raised when a call that must revert succeeded or reverted without decodable data. */
export class UnexpectedOutcomeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnexpectedOutcomeError";
  }
}

/** Finds the revert data in an ethers v6 / Hardhat error object, wherever the provider put it. */
export function revertDataOf(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  // ethers wraps provider errors; Hardhat puts the data on `data` or `error.data` (sometimes nested).
  const queue: unknown[] = [current];
  while (queue.length > 0) {
    current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const obj = current as Record<string, unknown>;
    const data = obj.data;
    if (typeof data === "string" && data.startsWith("0x")) return data;
    if (data && typeof data === "object") {
      const inner = (data as Record<string, unknown>).data;
      if (typeof inner === "string" && inner.startsWith("0x")) return inner;
      queue.push(data);
    }
    queue.push(obj.error, obj.info, obj.cause);
  }
  return undefined;
}

/** Decodes revert data with the first interface that knows the selector. */
export function decodeRevert(data: string, interfaces: readonly Interface[]): DecodedRevert | undefined {
  for (const iface of interfaces) {
    let parsed: ErrorDescription | null;
    try {
      parsed = iface.parseError(data);
    } catch {
      parsed = null;
    }
    if (parsed) return { name: parsed.name, args: [...parsed.args] };
  }
  return undefined;
}

/** Normalises decoded values for comparison: addresses and hex lowercase, numbers as bigint. */
function norm(v: unknown): unknown {
  if (typeof v === "string") return v.toLowerCase();
  if (typeof v === "number") return BigInt(v);
  if (Array.isArray(v)) return v.map(norm);
  return v;
}

/** Whether `decoded` is one of `allowed` (name and, when given, exact arguments). */
export function matchesOneOf(decoded: DecodedRevert, allowed: readonly ExpectedError[]): boolean {
  return allowed.some(
    (e) =>
      (e.name === "*" || e.name === decoded.name) &&
      (e.args === undefined || JSON.stringify(norm(e.args), big) === JSON.stringify(norm(decoded.args), big)),
  );
}

function big(_k: string, v: unknown): unknown {
  return typeof v === "bigint" ? `${v}n` : v;
}

/** Renders an error list for failure messages. */
export function describeErrors(errors: readonly (ExpectedError | DecodedRevert)[]): string {
  return errors
    .map((e) =>
      e.name === "*"
        ? "any custom error"
        : `${e.name}${e.args ? `(${(e.args as unknown[]).map((a) => JSON.stringify(norm(a), big)).join(", ")})` : ""}`,
    )
    .join(" | ");
}

/**
 * Awaits `action`, which must revert with one of `allowed`; returns the decoded error.
 * A success, a revert without data, or an unknown error fails the test with a message that
 * names what happened instead.
 */
export async function expectCustomError(
  action: Promise<unknown>,
  interfaces: readonly Interface[],
  allowed: readonly ExpectedError[],
  what = "call",
): Promise<DecodedRevert> {
  let err: unknown;
  try {
    await action;
  } catch (e) {
    err = e;
  }
  if (err === undefined) {
    throw new UnexpectedOutcomeError(`${what} succeeded, expected a revert with ${describeErrors(allowed)}`);
  }
  const data = revertDataOf(err);
  if (data === undefined) {
    throw new UnexpectedOutcomeError(
      `${what} failed without revert data (expected ${describeErrors(allowed)}): ${String((err as Error).message ?? err)}`,
    );
  }
  const decoded = decodeRevert(data, interfaces);
  if (decoded === undefined) {
    throw new UnexpectedOutcomeError(`${what} reverted with unknown data ${data}, expected ${describeErrors(allowed)}`);
  }
  expect(
    matchesOneOf(decoded, allowed),
    `${what} reverted with ${describeErrors([decoded])}, expected ${describeErrors(allowed)}`,
  ).to.equal(true);
  return decoded;
}

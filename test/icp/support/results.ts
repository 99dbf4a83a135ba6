import { expect } from "chai";
import type { AdjudicatorError, Result } from "../../../canisters/adjudicator/src/logic/errors";

/** The Ok value, or a test failure that shows the error. */
export function ok<T>(r: Result<T>): T {
  if ("Err" in r) throw new Error(`expected Ok, got Err ${stringify(r.Err)}`);
  return r.Ok;
}

/** Asserts `{ Err: { <kind>: … } }` and returns the payload. */
export function err<K extends string>(r: Result<unknown>, kind: K): any {
  if (!("Err" in r)) throw new Error(`expected Err ${kind}, got Ok ${stringify(r.Ok)}`);
  const got = Object.keys(r.Err)[0];
  expect(got, `error kind (${stringify(r.Err)})`).to.equal(kind);
  return (r.Err as Record<string, unknown>)[kind];
}

export function stringify(x: unknown): string {
  return JSON.stringify(x, (_k, v) =>
    typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? `0x${Buffer.from(v).toString("hex")}` : v,
  );
}

export type { AdjudicatorError };

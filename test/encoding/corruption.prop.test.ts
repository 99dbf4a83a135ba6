import { expect } from "chai";
import fc from "fast-check";
import { propTitle } from "../support/propertyRuns";
import type { Hex } from "../../src";
import {
  PerunError,
  decodeParams,
  decodeState,
  decodeWithdrawalAuth,
  encodeParams,
  encodeState,
  encodeWithdrawalAuth,
} from "../../src";
import { PROP_RUNS, compactParamsArb, compactStateArb, propOptions, withdrawalAuthArb } from "./support/arbitraries";
import { knownState } from "./support/fixtures";

/**
 * Every single-byte corruption of a valid encoding either decodes to a DIFFERENT valid value
 * or is rejected with a PerunError subclass — never any other exception (RangeError from a
 * DataView, TypeError, out-of-memory…). Because decoding is canonical, "different value" is
 * checked as: the decoded value re-encodes to exactly the corrupted bytes (so it cannot be
 * the original value, whose encoding is the uncorrupted bytes).
 */
function checkCorruptions<T>(
  original: Uint8Array,
  decode: (b: Uint8Array) => T,
  encode: (v: T) => Uint8Array,
  replacement: (pos: number) => number,
): { accepted: number; rejected: number } {
  let accepted = 0;
  let rejected = 0;
  const bytes = original.slice();
  for (let pos = 0; pos < bytes.length; pos++) {
    const old = bytes[pos];
    let b = replacement(pos) & 0xff;
    if (b === old) b = old ^ 0x01;
    bytes[pos] = b;
    try {
      const value = decode(bytes);
      // Plain comparison, not chai: this loop runs hundreds of thousands of times.
      if (!sameBytes(encode(value), bytes)) {
        throw new Error(`corruption at byte ${pos} decoded to a value that does not re-encode to the input`);
      }
      accepted++;
    } catch (e) {
      if (!(e instanceof PerunError)) {
        throw new Error(`corruption at byte ${pos} (${old} -> ${b}) threw a non-PerunError: ${String(e)}`, {
          cause: e,
        });
      }
      rejected++;
    }
    bytes[pos] = old;
  }
  return { accepted, rejected };
}

/** Deterministic per-position replacement bytes from a fast-check seed (mulberry32). */
function randomBytes(seed: number): (pos: number) => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Each run decodes its value once per byte of its encoding (hundreds to thousands of decodes). */
const RUNS = PROP_RUNS;

describe("encoding: single-byte corruptions (property)", () => {
  it(propTitle("State: every position, random replacement byte", propOptions(RUNS)), () => {
    fc.assert(
      fc.property(compactStateArb, fc.integer({ min: 0, max: 0x7fffffff }), (s, seed) => {
        checkCorruptions(encodeState(s), decodeState, encodeState, randomBytes(seed));
      }),
      propOptions(RUNS),
    );
  });

  it(propTitle("Params: every position, random replacement byte", propOptions(RUNS)), () => {
    fc.assert(
      fc.property(compactParamsArb, fc.integer({ min: 0, max: 0x7fffffff }), (p, seed) => {
        checkCorruptions(encodeParams(p), decodeParams, encodeParams, randomBytes(seed));
      }),
      propOptions(RUNS),
    );
  });

  it(propTitle("WithdrawalAuth: every position, random replacement byte", propOptions(RUNS)), () => {
    fc.assert(
      fc.property(withdrawalAuthArb, fc.integer({ min: 0, max: 0x7fffffff }), (a, seed) => {
        checkCorruptions(encodeWithdrawalAuth(a), decodeWithdrawalAuth, encodeWithdrawalAuth, randomBytes(seed));
      }),
      propOptions(RUNS),
    );
  });

  it("known-good state: every position × every one of the 255 other byte values", () => {
    const original = encodeState(knownState());
    let accepted = 0;
    let rejected = 0;
    for (let delta = 1; delta < 256; delta++) {
      const r = checkCorruptions(original, decodeState, encodeState, (pos) => original[pos] ^ delta);
      accepted += r.accepted;
      rejected += r.rejected;
    }
    expect(accepted + rejected).to.equal(original.length * 255);
    // Value bytes (balances, chainID, channelID, holder) accept corruption; structure does not.
    expect(accepted).to.be.greaterThan(0);
    expect(rejected).to.be.greaterThan(0);
  });

  it("truncation at every length and any appended byte are rejected with PerunErrors", () => {
    const original = encodeState(knownState());
    for (let n = 0; n < original.length; n++) {
      expect(() => decodeState(original.subarray(0, n))).to.throw(PerunError);
    }
    const longer = new Uint8Array(original.length + 1);
    longer.set(original);
    expect(() => decodeState(longer)).to.throw(PerunError);
    expect(() => decodeState("0x1" as Hex)).to.throw(PerunError);
  });
});

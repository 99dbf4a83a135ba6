import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Params, State, SubChannelInfo } from "../../src";
import { checkSigningPolicy, evaluateSigningPolicy, SigningPolicyError } from "../../src";

/**
 * Replays the committed test/vectors/signing-policy.json against the library, reading only the
 * JSON (as another client would): every accept and every refusal, with its chain and rule.
 * (test/encoding/vectors.test.ts checks that the file is what `npm run gen:vectors` writes.)
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const file = JSON.parse(readFileSync(join(__dirname, "..", "vectors", "signing-policy.json"), "utf8"));

/** Decimal strings become bigints; hex, names and booleans stay. */
const big = (x: any): any =>
  Array.isArray(x)
    ? x.map(big)
    : x && typeof x === "object"
      ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, big(v)]))
      : typeof x === "string" && /^[0-9]+$/.test(x)
        ? BigInt(x)
        : x;

describe("policy: committed signing-policy vectors (test/vectors/signing-policy.json)", () => {
  const vectors: any[] = file.vectors;

  it("cover every group with accepts and refusals, and refusals from every chain", () => {
    expect(vectors.length).to.be.greaterThan(100);
    const refusedBy = new Set(vectors.filter((v) => !v.expect.ok).map((v) => v.expect.chain));
    expect([...refusedBy].sort()).to.deep.equal(["all", "ckb", "evm", "icp"]);
    for (const g of new Set(vectors.map((v) => v.group))) {
      expect(
        vectors.some((v) => v.group === g && v.expect.ok),
        `${g}: accept`,
      ).to.equal(true);
      expect(
        vectors.some((v) => v.group === g && !v.expect.ok),
        `${g}: refuse`,
      ).to.equal(true);
    }
  });

  it("each replays to its verdict: accepted with its chains, or refused with its chain and rule", () => {
    for (const v of vectors) {
      const params = big(v.params) as Params;
      const state = big(v.state) as State;
      const context = {
        previous: v.previous === undefined ? undefined : (big(v.previous) as State),
        subStates: v.subStates === undefined ? undefined : (big(v.subStates) as SubChannelInfo[]),
      };
      const got = evaluateSigningPolicy(params, state, context);
      const short = got.ok ? { ok: true, chains: got.chains } : { ok: false, chain: got.chain, rule: got.rule };
      expect(short, v.name).to.deep.equal(v.expect);
      if (!v.expect.ok) {
        expect(() => checkSigningPolicy(params, state, context), v.name).to.throw(SigningPolicyError);
      }
    }
  });
});

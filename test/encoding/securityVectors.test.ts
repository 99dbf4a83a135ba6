import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AbiCoder, getBytes, hashMessage, keccak256, recoverAddress } from "ethers";
import { PerunError, validateStateShape } from "../../src";
import { WITHDRAWAL_AUTH_TYPE } from "./support/oracle";

/* eslint-disable @typescript-eslint/no-explicit-any */
const read = (name: string) => JSON.parse(readFileSync(join(__dirname, "..", "vectors", name), "utf8"));
const big = (x: any): any =>
  Array.isArray(x)
    ? x.map(big)
    : x && typeof x === "object"
      ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, big(v)]))
      : typeof x === "string" && /^[0-9]+$/.test(x)
        ? BigInt(x)
        : x;

describe("encoding: issue-6 vectors (bound withdrawals, state shapes)", () => {
  it("bound-withdrawal-auths.json agrees with ethers: encoding and signer", () => {
    const vectors = read("bound-withdrawal-auths.json").vectors;
    expect(vectors.length).to.be.at.least(2);
    for (const v of vectors) {
      const b = big(v.bound);
      const enc = AbiCoder.defaultAbiCoder().encode(
        ["bytes32", "address", "uint256", "uint256", WITHDRAWAL_AUTH_TYPE],
        [v.domain, b.holder, b.chainID, b.nonce, b.auth],
      );
      expect(enc).to.equal(v.encoding);
      expect(recoverAddress(hashMessage(getBytes(keccak256(enc))), v.signature).toLowerCase()).to.equal(v.signer);
    }
  });

  it("state-shapes.json: the library gives the recorded verdict for every case, and both verdicts occur", () => {
    const vectors = read("state-shapes.json").vectors;
    for (const v of vectors) {
      let error: string | null = null;
      try {
        validateStateShape(big(v.params), big(v.state), { subChannels: big(v.subChannels) });
      } catch (e) {
        expect(e).to.be.instanceOf(PerunError);
        error = (e as PerunError).name;
      }
      expect(error, v.name).to.equal(v.error);
      expect(v.accept, v.name).to.equal(error === null);
    }
    expect(vectors.some((v: any) => v.accept)).to.equal(true);
    expect(new Set(vectors.filter((v: any) => !v.accept).map((v: any) => v.evmError)).size).to.be.at.least(8);
  });
});

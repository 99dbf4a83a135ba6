import { expect } from "chai";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { getBytes, hashMessage, keccak256, recoverAddress } from "ethers";
import { renderVectors } from "../vectors/buildVectors";
import { KNOWN_CHANNEL_ID, KNOWN_STATE_HASH } from "./support/fixtures";
import { ethersEncodeParams, ethersEncodeState, ethersEncodeWithdrawalAuth } from "./support/oracle";

const DIR = join(__dirname, "..", "vectors");
const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), "utf8"));
/* eslint-disable @typescript-eslint/no-explicit-any */
const ethSignRecover = (encoding: string, sig: string) =>
  recoverAddress(hashMessage(getBytes(keccak256(encoding))), sig).toLowerCase();

describe("encoding: committed vectors (test/vectors)", () => {
  const fresh = renderVectors();

  it("are up to date: regenerating in memory gives byte-identical files (run `npm run gen:vectors`)", () => {
    const committed = readdirSync(DIR)
      .filter((n) => n.endsWith(".json"))
      .sort();
    expect(committed).to.deep.equal(Object.keys(fresh).sort());
    for (const [name, content] of Object.entries(fresh)) {
      expect(readFileSync(join(DIR, name), "utf8"), `test/vectors/${name} is stale`).to.equal(content);
    }
  });

  it("contain the DESIGN.md known-good vector with a signature by key A", () => {
    const params = read("params.json").vectors.find((v: any) => v.name === "design-known-good");
    const state = read("states.json").vectors.find((v: any) => v.name === "design-known-good");
    expect(params.channelID).to.equal(KNOWN_CHANNEL_ID);
    expect(state.stateHash).to.equal(KNOWN_STATE_HASH);
    const byA = state.signatures[0];
    expect(byA.signer).to.equal("0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a");
    expect(ethSignRecover(state.encoding, byA.signature)).to.equal(byA.signer);
  });

  it("agree with ethers: encodings, hashes and signatures", () => {
    const big = (x: any): any =>
      Array.isArray(x)
        ? x.map(big)
        : x && typeof x === "object"
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, big(v)]))
          : typeof x === "string" && /^[0-9]+$/.test(x)
            ? BigInt(x)
            : x;
    for (const v of read("params.json").vectors) {
      expect(ethersEncodeParams(big(v.params))).to.equal(v.encoding);
      expect(keccak256(v.encoding)).to.equal(v.channelID);
    }
    for (const v of read("states.json").vectors) {
      expect(ethersEncodeState(big(v.state))).to.equal(v.encoding);
      expect(keccak256(v.encoding)).to.equal(v.stateHash);
      for (const s of v.signatures) expect(ethSignRecover(v.encoding, s.signature)).to.equal(s.signer);
    }
    for (const v of read("withdrawal-auths.json").vectors) {
      expect(ethersEncodeWithdrawalAuth(big(v.auth))).to.equal(v.encoding);
      expect(ethSignRecover(v.encoding, v.signature)).to.equal(v.signer);
    }
  });

  it("cover the required edge cases", () => {
    const states = read("states.json").vectors;
    const maxParties = Math.max(...states.map((v: any) => v.state.outcome.balances[0]?.length ?? 0));
    expect(maxParties).to.be.at.least(10);
    const multi = states.find((v: any) => new Set(v.state.outcome.backends).size >= 3);
    expect(multi.state.outcome.locked.length).to.be.at.least(1);
    expect(multi.state.outcome.locked.some((l: any) => l.indexMap.length > 0)).to.equal(true);
    expect(states.some((v: any) => v.state.appData === "0x")).to.equal(true);
    expect(states.some((v: any) => (v.state.appData.length - 2) % 4 === 2)).to.equal(true); // odd byte count
    expect(states.some((v: any) => v.state.outcome.balances.flat().includes(((1n << 256n) - 1n).toString()))).to.equal(
      true,
    );
    const sigs = read("signatures.json").vectors;
    expect(sigs.filter((s: any) => s.accept).length).to.be.at.least(1);
    expect(new Set(sigs.filter((s: any) => !s.accept).map((s: any) => s.error)).size).to.be.at.least(8);
  });
});

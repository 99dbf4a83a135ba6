/**
 * Adjudicator.channelID (pure getter): equals the library's `channelId` — the DESIGN.md
 * known-good vector and a table of parameter shapes. It hashes whatever params it is given
 * (no range checks), as upstream.
 */
import { expect } from "chai";
import { addressFromPrivateKey } from "../../src";
import type { Hex, Params, Participant } from "../../src";
import { ZERO_ADDRESS, ZERO_BYTES32, channelId, loadDeployment } from "./fixtures";
import type { Deployment } from "./fixtures";

const KEY_A = `0x${"11".repeat(32)}` as Hex;
const KEY_B = `0x${"22".repeat(32)}` as Hex;
const partOf = (key: Hex, ccAddress: Hex = ZERO_BYTES32): Participant => ({
  ethAddress: addressFromPrivateKey(key),
  ccAddress,
});

describe("Adjudicator.channelID", function () {
  let d: Deployment;

  before(async function () {
    d = await loadDeployment();
  });

  const base: Params = {
    challengeDuration: 60n,
    nonce: 1n,
    participants: [partOf(KEY_A), partOf(KEY_B)],
    app: ZERO_ADDRESS,
    ledgerChannel: true,
    virtualChannel: false,
  };

  it("DESIGN.md known-good vector", async function () {
    expect(addressFromPrivateKey(KEY_A)).to.equal("0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a");
    expect(await d.adjudicator.channelID(base)).to.equal(
      "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f",
    );
  });

  const cases: [string, Partial<Params>][] = [
    ["an app", { app: "0x00000000000000000000000000000000000000aa" }],
    ["a sub-channel (ledgerChannel false)", { ledgerChannel: false }],
    ["a virtual channel", { virtualChannel: true }],
    ["one participant", { participants: [partOf(KEY_A)] }],
    ["no participants", { participants: [] }],
    [
      "five participants",
      { participants: [1, 2, 3, 4, 5].map((i) => partOf(`0x${String(i).padStart(2, "0").repeat(32)}` as Hex)) },
    ],
    ["an empty ccAddress", { participants: [partOf(KEY_A, "0x"), partOf(KEY_B, "0x")] }],
    ["a 33-byte ccAddress", { participants: [partOf(KEY_A, `0x${"ab".repeat(33)}`), partOf(KEY_B)] }],
    ["a 100-byte ccAddress last", { participants: [partOf(KEY_A), partOf(KEY_B, `0x${"cd".repeat(100)}`)] }],
    ["the largest nonce", { nonce: 2n ** 256n - 1n }],
    ["the largest challenge duration", { challengeDuration: 2n ** 256n - 1n }],
    ["participants swapped", { participants: [partOf(KEY_B), partOf(KEY_A)] }],
  ];
  for (const [name, patch] of cases) {
    it(`equals the library for ${name}`, async function () {
      const params = { ...base, ...patch };
      const expected = channelId(params);
      expect(await d.adjudicator.channelID(params)).to.equal(expected);
      expect(expected).to.not.equal(channelId(base));
    });
  }
});

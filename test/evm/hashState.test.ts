/**
 * Adjudicator.hashState (pure getter): equals the library's `hashState` — the DESIGN.md
 * known-good vector and a table of state shapes (assets of several chains, sub-allocations,
 * appData lengths around word boundaries, extreme integers).
 */
import { expect } from "chai";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP } from "../../src";
import type { Hex, State } from "../../src";
import { ZERO_BYTES32, hashState, loadDeployment } from "./fixtures";
import type { Deployment } from "./fixtures";

describe("Adjudicator.hashState", function () {
  let d: Deployment;

  before(async function () {
    d = await loadDeployment();
  });

  const base: State = {
    channelID: "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f",
    version: 0n,
    outcome: {
      assets: [{ chainID: 1337n, ethHolder: `0x${"ab".repeat(20)}`, ccHolder: ZERO_BYTES32 }],
      backends: [1n],
      balances: [[100n, 200n]],
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };

  it("DESIGN.md known-good vector", async function () {
    expect(await d.adjudicator.hashState(base)).to.equal(
      "0x22bd439b5842a319d9fb067545a434baad3ae16a9d5ef22a1c3667a8091831fe",
    );
  });

  const withOutcome = (o: Partial<State["outcome"]>): Partial<State> => ({ outcome: { ...base.outcome, ...o } });
  const cases: [string, Partial<State>][] = [
    ["a final state", { isFinal: true }],
    ["the largest version", { version: 2n ** 64n - 1n }],
    ...[1, 31, 32, 33, 64, 100].map((n): [string, Partial<State>] => [
      `${n} bytes of appData`,
      { appData: `0x${"5a".repeat(n)}` as Hex },
    ]),
    [
      "assets of three chains",
      withOutcome({
        assets: [
          base.outcome.assets[0],
          { chainID: BACKEND_ICP, ethHolder: `0x${"00".repeat(20)}`, ccHolder: "0x0a0b0c" },
          { chainID: BACKEND_CKB, ethHolder: `0x${"00".repeat(20)}`, ccHolder: `0x${"ee".repeat(32)}` },
        ],
        backends: [BACKEND_ETH, BACKEND_ICP, BACKEND_CKB],
        balances: [
          [1n, 2n],
          [3n, 4n],
          [5n, 6n],
        ],
      }),
    ],
    ["no assets", withOutcome({ assets: [], backends: [], balances: [] })],
    ["the largest balances", withOutcome({ balances: [[2n ** 256n - 1n, 2n ** 256n - 1n]] })],
    [
      "two sub-allocations",
      withOutcome({
        locked: [
          { ID: `0x${"01".repeat(32)}`, balances: [7n], indexMap: [0n, 1n] },
          { ID: `0x${"02".repeat(32)}`, balances: [], indexMap: [65535n] },
        ],
      }),
    ],
  ];
  for (const [name, patch] of cases) {
    it(`equals the library for ${name}`, async function () {
      const state = { ...base, ...patch };
      const expected = hashState(state);
      expect(await d.adjudicator.hashState(state)).to.equal(expected);
      expect(expected).to.not.equal(hashState(base));
    });
  }
});

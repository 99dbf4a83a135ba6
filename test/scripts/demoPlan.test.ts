/**
 * The money plan of the three-chain channel: deposits per participant, and updates that move
 * one step of every asset, never more than the payer holds, keep every total, rotate the
 * payers, and always end with Bob paying Alice (so the state before is Bob's stale favourite).
 */
import { expect } from "chai";
import { BACKEND_CKB, BACKEND_ETH } from "../../src";
import { describeBalances, deposits, payment } from "../../scripts/demo/threeChain/plan";
import type { DemoAsset } from "../../scripts/demo/threeChain/plan";
import { demoPeople } from "../../scripts/demo/people";

const ZERO = "0x0000000000000000000000000000000000000000" as const;
const ASSETS: DemoAsset[] = [
  {
    chain: "EVM",
    symbol: "ETH",
    decimals: 18,
    backend: BACKEND_ETH,
    asset: { chainID: 31337n, ethHolder: ZERO, ccHolder: "0x" },
  },
  {
    chain: "CKB",
    symbol: "UDT",
    decimals: 0,
    backend: BACKEND_CKB,
    asset: { chainID: BACKEND_CKB, ethHolder: ZERO, ccHolder: "0x" },
  },
];

describe("scripts: demo money plan", () => {
  it("deposits base + i × per-participant of each asset", () => {
    expect(deposits(ASSETS, 3)).to.deep.equal([
      [3_000_000_000_000_000_000n, 3_500_000_000_000_000_000n, 4_000_000_000_000_000_000n],
      [1000n, 1100n, 1200n],
    ]);
  });

  it("ends every sequence of updates with Bob paying Alice, rotating the payers before", () => {
    for (const n of [2, 3, 5]) {
      for (const total of [1, 2, 3, 7]) {
        let balances = deposits(ASSETS, n);
        const payers: number[] = [];
        for (let k = 1; k <= total; k++) {
          const p = payment(ASSETS, balances, k, total);
          expect(p.payee, `n ${n} k ${k}`).to.equal((p.payer + n - 1) % n);
          payers.push(p.payer);
          balances = p.balances;
        }
        expect(payers[payers.length - 1], `n ${n} total ${total}`).to.equal(1);
        if (total >= 2) expect(payers[payers.length - 2]).to.not.equal(1);
      }
    }
  });

  it("moves one step of every asset and keeps the totals", () => {
    const before = deposits(ASSETS, 2);
    const p = payment(ASSETS, before, 1, 1);
    expect(p).to.deep.equal({
      payer: 1,
      payee: 0,
      balances: [
        [3_250_000_000_000_000_000n, 3_250_000_000_000_000_000n],
        [1070n, 1030n],
      ],
    });
  });

  it("never moves more than the payer holds", () => {
    const p = payment(
      ASSETS,
      [
        [0n, 1n],
        [5n, 50n],
      ],
      1,
      1,
    );
    expect(p.balances).to.deep.equal([
      [1n, 0n],
      [55n, 0n],
    ]);
  });

  it("describes balances in whole units", () => {
    expect(
      describeBalances(ASSETS, demoPeople(2), [
        [1_500_000_000_000_000_000n, 0n],
        [7n, 3n],
      ]),
    ).to.equal("ETH Alice 1.5 / Bob 0, UDT Alice 7 / Bob 3");
  });
});

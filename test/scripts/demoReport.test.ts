/**
 * The closing part of `npm start`: the cost table per chain in its own unit, the summary of
 * every phase across the chains, the payout table, and the exit status — 0 only when the story
 * completed and checked something, 1 when it failed (with the costs up to the failure shown).
 */
import { expect } from "chai";
import { Checker } from "../../scripts/demo/checker";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import {
  renderCostTable,
  renderPayouts,
  renderPhaseSummary,
  reportOutcome,
  totalCost,
} from "../../scripts/demo/report";
import type { DemoRun } from "../../scripts/demo/report";
import type { ChainCosts } from "../../scripts/demo/types";
import { DemoCheckError } from "../../scripts/lib/scriptErrors";

const CKB: ChainCosts = {
  chain: "CKB",
  environment: "test",
  unit: "cycles",
  steps: [
    { phase: "setup", action: "install", actor: "controller", cost: 1_500_000n },
    { phase: "channel 1", action: "deposit", actor: "Alice", cost: 250n },
    { phase: "channel 1", action: "conclude", actor: "Bob", cost: 1_000n },
  ],
};
const EVM: ChainCosts = {
  chain: "EVM",
  environment: "test",
  unit: "gas",
  steps: [{ phase: "channel 1", action: "deposit", actor: "Alice", cost: 45_000n }],
};

function capture(): { out: string[]; err: string[]; output: { out: (l: string) => void; err: (l: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

describe("scripts: npm start report", () => {
  it("renders a cost table in the chain's own unit", () => {
    expect(renderCostTable(CKB).split("\n")).to.deep.equal([
      "CKB: cycles per step (test)",
      "#  step                who            cycles",
      "--------------------------------------------",
      "[setup]",
      "1  install             controller  1,500,000",
      "   subtotal setup                  1,500,000",
      "[channel 1]",
      "2  deposit             Alice             250",
      "3  conclude            Bob             1,000",
      "   subtotal channel 1                  1,250",
      "   total                           1,501,250",
    ]);
    expect(totalCost(CKB)).to.equal(1_501_250n);
  });

  it("summarises each phase across the chains, with '-' where a chain had no step", () => {
    // Phases in the order they first appear (EVM's channel 1 before CKB's setup).
    expect(renderPhaseSummary([EVM, CKB]).split("\n")).to.deep.equal([
      "costs per phase across the chains",
      "phase              EVM gas           CKB cycles",
      "-----------------------------------------------",
      "channel 1  45,000 (1 step)      1,250 (2 steps)",
      "setup                    -   1,500,000 (1 step)",
      "total      45,000 (1 step)  1,501,250 (3 steps)",
    ]);
  });

  it("renders payouts per channel and participant in whole units", () => {
    const lines = renderPayouts([
      {
        channel: "channel 1",
        chain: "EVM",
        participant: "Alice",
        asset: "ETH",
        decimals: 18,
        amount: 3_250_000_000_000_000_000n,
      },
      { channel: "channel 1", chain: "CKB", participant: "Alice", asset: "UDT", decimals: 0, amount: 1070n },
      { channel: "channel 1", chain: "EVM", participant: "Bob", asset: "ETH", decimals: 18, amount: 0n },
    ]).split("\n");
    expect(lines).to.deep.equal([
      "payouts (whole units)",
      "channel    participant  ETH (EVM)  UDT (CKB)",
      "--------------------------------------------",
      "channel 1  Alice             3.25       1070",
      "channel 1  Bob                  0          -",
    ]);
  });

  it("exits 0 with the verdict when the story completed", () => {
    const c = capture();
    const run: DemoRun = { costs: [EVM, CKB], payouts: [], checks: 7 };
    expect(reportOutcome(run, 1234, c.output)).to.equal(0);
    expect(c.out[c.out.length - 1]).to.equal("\nOK: 7 checks passed on EVM, CKB in 1.2 s");
    expect(c.out.join("\n")).to.include("costs per phase across the chains");
    expect(c.err).to.deep.equal([]);
  });

  it("exits 1 on a failed check, still showing the costs so far and the failure", () => {
    const check = new Checker(memoryDemoLog());
    let failure: unknown;
    try {
      check.equal("CKB: Alice received 550 CKB", 55_000_000_000n, 54_999_999_999n);
    } catch (e) {
      failure = e;
    }
    expect(failure).to.be.instanceOf(DemoCheckError);
    const c = capture();
    expect(reportOutcome({ costs: [CKB], payouts: [], checks: 3, failure }, 10, c.output)).to.equal(1);
    expect(c.out.join("\n")).to.include("CKB: cycles per step");
    expect(c.err[0]).to.equal("\nFAILED after 3 passed checks (0.0 s):");
    expect(c.err[1]).to.include("check failed: CKB: Alice received 550 CKB: expected 55000000000, got 54999999999");
  });

  it("exits 1 when nothing was checked", () => {
    const c = capture();
    expect(reportOutcome({ costs: [], payouts: [], checks: 0 }, 0, c.output)).to.equal(1);
    expect(c.err).to.deep.equal(["\nFAILED: nothing was checked (0.0 s)"]);
  });
});

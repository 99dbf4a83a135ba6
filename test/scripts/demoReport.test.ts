/**
 * The chain-agnostic runner: chains run in order, a failing chain does not stop the others,
 * the exit status is non-zero when anything failed, and the cost table works for any unit
 * (the ICP and CKB modules will report instructions or cycles).
 */
import { expect } from "chai";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { demoPeople } from "../../scripts/demo/people";
import { renderCostTable, reportOutcome, runDemo } from "../../scripts/demo/runDemo";
import type { ChainDemo, ChainReport } from "../../scripts/demo/types";
import { DemoCheckError } from "../../scripts/lib/scriptErrors";

function report(chain: string, unit: string): ChainReport {
  return {
    chain,
    environment: "test",
    unit,
    steps: [
      { phase: "setup", action: "install", actor: "controller", cost: 1_500_000n },
      { phase: "channel 1", action: "deposit", actor: "Alice", cost: 250n },
      { phase: "channel 1", action: "conclude", actor: "Bob", cost: 1_000n },
    ],
    checks: 3,
    payouts: [],
  };
}

const ok = (chain: string, unit: string): ChainDemo => ({ chain, unit, run: async () => report(chain, unit) });
const failing = (chain: string): ChainDemo => ({
  chain,
  unit: "cycles",
  run: async () => {
    throw new DemoCheckError("Alice's payout", 3n, 1n);
  },
});

function capture(): { out: string[]; err: string[]; output: { out: (l: string) => void; err: (l: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

describe("scripts: demo runner", () => {
  const ctx = () => ({ log: memoryDemoLog(), people: demoPeople() });

  it("runs every chain and exits 0 when all succeed", async () => {
    const outcome = await runDemo([ok("EVM", "gas"), ok("ICP", "instructions")], ctx());
    expect(outcome.reports.map((r) => r.chain)).to.deep.equal(["EVM", "ICP"]);
    expect(outcome.failures).to.deep.equal([]);
    const c = capture();
    expect(reportOutcome(outcome, 1234, c.output)).to.equal(0);
    expect(c.out[c.out.length - 1]).to.equal("\nOK: EVM, ICP completed in 1.2 s");
    expect(c.err).to.deep.equal([]);
  });

  it("keeps going after a failing chain and exits 1 naming it", async () => {
    const outcome = await runDemo([failing("CKB"), ok("EVM", "gas")], ctx());
    expect(outcome.reports.map((r) => r.chain)).to.deep.equal(["EVM"]);
    expect(outcome.failures.map((f) => f.chain)).to.deep.equal(["CKB"]);
    expect(outcome.failures[0].error).to.be.instanceOf(DemoCheckError);
    const c = capture();
    expect(reportOutcome(outcome, 10, c.output)).to.equal(1);
    expect(c.err.join("\n")).to.include("check failed: Alice's payout: expected 3, got 1");
    expect(c.err[c.err.length - 1]).to.equal("\nFAILED: CKB (0.0 s)");
  });

  it("exits 1 when no chain ran", async () => {
    const c = capture();
    expect(reportOutcome(await runDemo([], ctx()), 0, c.output)).to.equal(1);
  });

  it("renders a cost table in the chain's own unit", () => {
    expect(renderCostTable(report("CKB", "cycles")).split("\n")).to.deep.equal([
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
  });
});

/**
 * The ICP module of `npm start`, run in-process: the canister's wasm in the test host with
 * the fake ledger; the steps in order, that the refusals are the expected ones, what everyone
 * received (Alice her latest balance in the dispute), the canister empty at the end, and that
 * every 2-party update stays under 1 B instructions.
 */
import { expect } from "chai";
import { icpDemo } from "../../scripts/demo/icp";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { demoPeople } from "../../scripts/demo/people";
import { renderCostTable } from "../../scripts/demo/runDemo";

const UNIT = 100_000_000n;

describe("scripts: npm start, ICP module", function () {
  this.timeout(300_000);

  it("tells both stories on the canister and reports instructions per step", async () => {
    const log = memoryDemoLog();
    const report = await icpDemo().run({ log, people: demoPeople() });
    expect(report.chain).to.equal("ICP");
    expect(report.unit).to.equal("instructions");
    expect(report.steps.map((s) => [s.phase, s.action, s.actor])).to.deep.equal([
      ["setup", "install canister (canister_init)", "deployer"],
      ["channel 1 (cooperative close)", "deposit 5.0 TST", "Alice"],
      ["channel 1 (cooperative close)", "deposit 5.0 TST", "Bob"],
      ["channel 1 (cooperative close)", "conclude (final state)", "Alice"],
      ["channel 1 (cooperative close)", "withdraw 3.0 TST", "Alice"],
      ["channel 1 (cooperative close)", "withdraw 7.0 TST", "Bob"],
      ["channel 2 (dispute)", "deposit 5.0 TST", "Alice"],
      ["channel 2 (dispute)", "deposit 5.0 TST", "Bob"],
      ["channel 2 (dispute)", "dispute: register version 1", "Bob"],
      ["channel 2 (dispute)", "dispute: refute with version 3", "Alice"],
      ["channel 2 (dispute)", "dispute: Bob tries version 2 (refused)", "Bob"],
      ["channel 2 (dispute)", "concludeDispute too early (refused)", "Bob"],
      ["channel 2 (dispute)", "concludeDispute", "Alice"],
      ["channel 2 (dispute)", "withdraw 7.0 TST", "Alice"],
      ["channel 2 (dispute)", "withdraw 3.0 TST", "Bob"],
    ]);
    const fee = 10n;
    expect(report.payouts.map((p) => [p.channel, p.participant, p.amount])).to.deep.equal([
      ["channel 1 (cooperative close)", "Alice", 3n * UNIT - fee],
      ["channel 1 (cooperative close)", "Bob", 7n * UNIT - fee],
      ["channel 2 (dispute)", "Alice", 7n * UNIT - fee],
      ["channel 2 (dispute)", "Bob", 3n * UNIT - fee],
    ]);
    expect(report.checks).to.equal(21);
    for (const s of report.steps.slice(1)) expect(s.cost, s.action).to.be.above(0n).and.below(1_000_000_000n);
    expect(renderCostTable(report).split("\n")[0]).to.match(/^ICP: instructions per step/);
  });
});

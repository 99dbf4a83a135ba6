/**
 * The CKB module of `npm start`, run in-process: every transaction verified in the CKB VM; the
 * steps in order, the refused early force-close, what each participant was paid (Alice her
 * latest balance in the dispute), and the cycles of every step within the committed range.
 */
import { expect } from "chai";
import { ckbDemo } from "../../scripts/demo/ckb";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { demoPeople } from "../../scripts/demo/people";
import { renderCostTable } from "../../scripts/demo/runDemo";

describe("scripts: npm start, CKB module", function () {
  this.timeout(600_000);

  it("tells both stories in the CKB VM and reports cycles per step", async () => {
    const log = memoryDemoLog();
    const report = await ckbDemo().run({ log, people: demoPeople() });
    expect(report.chain).to.equal("CKB");
    expect(report.unit).to.equal("cycles");
    expect(report.steps.map((s) => [s.phase, s.action, s.actor])).to.deep.equal([
      ["channel 1 (cooperative close)", "open", "Alice"],
      ["channel 1 (cooperative close)", "fund 500 CKB", "Alice"],
      ["channel 1 (cooperative close)", "fund 300 CKB", "Bob"],
      ["channel 1 (cooperative close)", "close (final state v7, signed by both)", "Alice"],
      ["channel 2 (dispute, refutation, force-close)", "open", "Alice"],
      ["channel 2 (dispute, refutation, force-close)", "fund 500 CKB", "Alice"],
      ["channel 2 (dispute, refutation, force-close)", "fund 300 CKB", "Bob"],
      ["channel 2 (dispute, refutation, force-close)", "dispute with stale state v1", "Bob"],
      ["channel 2 (dispute, refutation, force-close)", "refute with latest state v2", "Alice"],
      ["channel 2 (dispute, refutation, force-close)", "force-close after 600 s (relative since)", "Alice"],
    ]);
    expect(report.checks).to.equal(6);
    // Every step is a real VM run: above the ckb-js-vm boot (~3.6 M), and in the range of the
    // committed ckb-scripts/cycles.json (10–19 M for 2 parties).
    for (const s of report.steps) expect(s.cost, s.action).to.be.above(3_000_000n).and.below(30_000_000n);
    expect(renderCostTable(report).split("\n")[0]).to.match(/^CKB: cycles per step/);
    const text = log.lines.join("\n");
    expect(text).to.match(/WINDOW_NOT_OVER/);
    expect(text).to.match(/Alice received her 450 CKB of the latest state/);
  });
});

/**
 * The EVM module of `npm start`, run in-process: the story's steps in order, who sent them,
 * what everyone received (the honest party its latest balance in the dispute), and that the
 * holders end empty. Catches regressions of the main job in CI.
 */
import { expect } from "chai";
import hre from "hardhat";
import { parseEther, parseUnits } from "ethers";
import { evmDemo } from "../../scripts/demo/evm";
import { memoryDemoLog } from "../../scripts/demo/demoLog";
import { demoPeople } from "../../scripts/demo/people";
import { renderCostTable } from "../../scripts/demo/runDemo";
import type { ChainReport } from "../../scripts/demo/types";
import { underCoverage } from "./support/underCoverage";

const ETH = (v: string): bigint => parseEther(v);
const PDT = (v: string): bigint => parseUnits(v, 18);

const SETUP = "setup";
const COOP = "channel 1 (cooperative close)";
const DISPUTE = "channel 2 (dispute)";

/** [phase, action, actor] of every on-chain step, in order. */
const EXPECTED_STEPS: [string, string, string][] = [
  [SETUP, "deploy demo token PDT (not part of Perun)", "deployer"],
  [SETUP, "deploy Adjudicator", "deployer"],
  [SETUP, "deploy AssetHolderETH", "deployer"],
  [SETUP, "deploy AssetHolderERC20 (PDT)", "deployer"],
  [SETUP, "send Alice 20 ETH", "deployer"],
  [SETUP, "send Bob 20 ETH", "deployer"],
  [SETUP, "approve PDT for AssetHolderERC20", "Alice"],
  [SETUP, "approve PDT for AssetHolderERC20", "Bob"],
  [COOP, "deposit ETH", "Alice"],
  [COOP, "deposit ETH", "Bob"],
  [COOP, "deposit PDT", "Alice"],
  [COOP, "deposit PDT", "Bob"],
  [COOP, "concludeFinal", "Bob"],
  [COOP, "withdraw ETH", "Alice"],
  [COOP, "withdraw PDT", "Alice"],
  [COOP, "withdraw ETH", "Bob"],
  [COOP, "withdraw PDT", "Bob"],
  [DISPUTE, "deposit ETH", "Alice"],
  [DISPUTE, "deposit ETH", "Bob"],
  [DISPUTE, "deposit PDT", "Alice"],
  [DISPUTE, "deposit PDT", "Bob"],
  [DISPUTE, "register v1 (stale)", "Bob"],
  [DISPUTE, "register v3 (refutation)", "Alice"],
  [DISPUTE, "conclude", "Alice"],
  [DISPUTE, "withdraw ETH", "Alice"],
  [DISPUTE, "withdraw PDT", "Alice"],
  [DISPUTE, "withdraw ETH", "Bob"],
  [DISPUTE, "withdraw PDT", "Bob"],
];

describe("scripts: npm start, EVM module", function () {
  this.timeout(120_000);
  let report: ChainReport;
  let lines: string[];

  before(async () => {
    const log = memoryDemoLog();
    report = await evmDemo(hre).run({ log, people: demoPeople() });
    lines = log.lines;
  });

  it("reports every on-chain step in order, with its sender", () => {
    expect(report.chain).to.equal("EVM");
    expect(report.unit).to.equal("gas");
    expect(report.environment).to.equal('Hardhat network "hardhat", chain ID 31337');
    expect(report.steps.map((s) => [s.phase, s.action, s.actor])).to.deep.equal(EXPECTED_STEPS);
  });

  it("costs every step at least a plain transfer and less than a block", function () {
    // Instrumented coverage builds cost far more gas than the real contracts.
    if (underCoverage()) this.skip();
    for (const s of report.steps) {
      expect(s.cost >= 21_000n && s.cost < 30_000_000n, `${s.action}: ${s.cost}`).to.equal(true);
    }
  });

  it("pays the cooperative channel's final balances", () => {
    expect(
      report.payouts.filter((p) => p.channel === COOP).map((p) => [p.participant, p.asset, p.amount]),
    ).to.deep.equal([
      ["Alice", "ETH", ETH("3.75")],
      ["Alice", "PDT", PDT("600")],
      ["Bob", "ETH", ETH("4.25")],
      ["Bob", "PDT", PDT("200")],
    ]);
  });

  it("pays the honest party its latest balance after the cheater registered an old state", () => {
    const paid = report.payouts.filter((p) => p.channel === DISPUTE).map((p) => [p.participant, p.asset, p.amount]);
    // Version 3 (Alice's latest), not version 1 (Bob's registration: ETH 1.5 / 2.5, PDT 100 / 100).
    expect(paid).to.deep.equal([
      ["Alice", "ETH", ETH("3")],
      ["Alice", "PDT", PDT("140")],
      ["Bob", "ETH", ETH("1")],
      ["Bob", "PDT", PDT("60")],
    ]);
  });

  it("checked the protocol's promises on the way", () => {
    expect(report.checks).to.equal(lines.filter((l) => l.startsWith("    ✓ ")).length);
    expect(report.checks).to.be.greaterThanOrEqual(45);
    for (const expected of [
      "✓ Bob's conclude before the window ends: rejected with DisputeTimeoutNotPassed",
      "✓ challenge window not extended by the refutation",
      "✓ Bob re-registering version 1: rejected with DisputeStaleVersion",
      "✓ ETH left in its holder after both channels: 0 ETH",
      "✓ PDT left in its holder after both channels: 0 PDT",
    ]) {
      expect(
        lines.some((l) => l.includes(expected)),
        expected,
      ).to.equal(true);
    }
  });

  it("renders the gas table with a subtotal per phase and the total", () => {
    const table = renderCostTable(report);
    const total = report.steps.reduce((a, s) => a + s.cost, 0n);
    expect(table.split("\n")[0]).to.equal('EVM: gas per step (Hardhat network "hardhat", chain ID 31337)');
    expect(table).to.include("[channel 2 (dispute)]");
    expect(table).to.match(new RegExp(`total\\s+${total.toLocaleString("en-US")}$`));
  });
});

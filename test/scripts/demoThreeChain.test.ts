/**
 * `npm start` in-process with small options (2 participants, 1 update, both stories): the one
 * channel settles on EVM, ICP and CKB; every participant receives exactly its final (channel 1)
 * and latest (channel 2, after Bob registered a stale state) balances on each chain; the
 * protocol's refusals are the expected ones; the cost tables cover the three chains in their
 * units; exit status 0. Then a run whose deposits are short by 1 wei fails a check: exit 1.
 */
import { expect } from "chai";
import hre from "hardhat";
import { parseEther, parseUnits } from "ethers";
import { runDemoCli } from "../../scripts/demo/cli";
import type { DemoRun } from "../../scripts/demo/report";
import { runThreeChainDemo } from "../../scripts/demo/threeChain/runThreeChainDemo";
import { PerunEvmClient } from "../../src/evm";
import { underCoverage } from "./support/underCoverage";

const ETH = (v: string): bigint => parseEther(v);
const PDT = (v: string): bigint => parseUnits(v, 18);
const TST = (v: string): bigint => parseUnits(v, 8);
const CKB = (v: string): bigint => parseUnits(v, 8);

/** After one update (Bob pays Alice one step of every asset) — final in channel 1, latest in channel 2. */
const EXPECTED: [string, string, string, bigint][] = [
  ["Alice", "EVM", "ETH", ETH("3.25")],
  ["Alice", "EVM", "PDT", PDT("320")],
  ["Bob", "EVM", "ETH", ETH("3.25")],
  ["Bob", "EVM", "PDT", PDT("380")],
  ["Alice", "ICP", "TST", TST("5.5")],
  ["Bob", "ICP", "TST", TST("5.5")],
  ["Alice", "CKB", "CKB", CKB("550")],
  ["Alice", "CKB", "UDT", 1070n],
  ["Bob", "CKB", "CKB", CKB("550")],
  ["Bob", "CKB", "UDT", 1030n],
];

async function runCli(argv: string[]): Promise<{ status: number; out: string[]; err: string[]; run?: DemoRun }> {
  const out: string[] = [];
  const err: string[] = [];
  let run: DemoRun | undefined;
  const status = await runDemoCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    loadHre: async () => hre,
    story: async (h, options, log) => (run = await runThreeChainDemo(h, options, log)),
  });
  return { status, out, err, run };
}

describe("scripts: npm start, the three-chain channel", function () {
  this.timeout(900_000);

  before(function () {
    // Instrumented coverage builds change gas and balances; the story is covered without it.
    if (underCoverage()) this.skip();
  });

  it("settles one channel on three chains, cooperatively and by dispute, and exits 0", async () => {
    const r = await runCli(["--participants", "2", "--updates", "1", "--mode", "both"]);
    expect(r.status, r.err.join("\n")).to.equal(0);
    const run = r.run!;
    expect(run.failure).to.equal(undefined);
    for (const channel of ["channel 1", "channel 2"]) {
      const paid = run.payouts
        .filter((p) => p.channel === channel)
        .map((p) => [p.participant, p.chain, p.asset, p.amount]);
      expect(paid, channel).to.have.deep.members(EXPECTED);
      expect(paid, channel).to.have.length(EXPECTED.length);
    }
    expect(run.costs.map((c) => [c.chain, c.unit])).to.deep.equal([
      ["EVM", "gas"],
      ["ICP", "instructions"],
      ["CKB", "cycles"],
    ]);
    const ckbSteps = run.costs[2].steps.map((s) => [s.phase, s.action, s.actor]);
    expect(ckbSteps).to.deep.equal([
      ["channel 1: open and fund", "open", "Alice"],
      ["channel 1: open and fund", "fund CKB + UDT", "Alice"],
      ["channel 1: open and fund", "fund CKB + UDT", "Bob"],
      ["channel 1: cooperative close", "close (final state, payout outputs)", "Alice"],
      ["channel 2: open and fund", "open", "Alice"],
      ["channel 2: open and fund", "fund CKB + UDT", "Alice"],
      ["channel 2: open and fund", "fund CKB + UDT", "Bob"],
      ["channel 2: dispute", "dispute with version 0 (stale)", "Bob"],
      ["channel 2: dispute", "refute with version 1", "Alice"],
      ["channel 2: conclude and withdraw", "force-close (relative since 600 s)", "Alice"],
    ]);
    const evmActions = run.costs[0].steps.map((s) => s.action);
    expect(evmActions).to.include.members([
      "concludeFinal",
      "register version 0 (stale)",
      "refute with version 1",
      "conclude",
    ]);
    const text = r.out.join("\n");
    expect(run.checks).to.equal(r.out.filter((l) => l.startsWith("    ✓ ")).length);
    for (const expected of [
      "✓ EVM: Bob's conclude before the window ends: rejected with DisputeTimeoutNotPassed",
      "✓ EVM: Bob re-registering version 0: rejected with DisputeStaleVersion",
      "✓ EVM: challenge window not extended by the refutation",
      "✓ CKB: force-close 599 s after the registration refused with exit: 81 (WINDOW_NOT_OVER)",
      "✓ CKB: Bob registering version 0 over version 1 refused with exit: 61 (STALE_VERSION)",
      "✓ ICP: Bob registering version 0 after Alice refused with: StaleVersion",
      "✓ ICP: concludeDispute before the window ends refused with: WindowStillOpen",
      "✓ ICP: assets the canister pays (foreign rows ignored): 1",
      "✓ ICP: TST left in the canister: 0",
      "✓ EVM: ETH left in its holder: 0",
      "✓ EVM: PDT left in its holder: 0",
      "✓ CKB: channel and funds cells left after the payout: 0",
      "costs per phase across the chains",
      "payouts (whole units)",
    ]) {
      expect(text, expected).to.include(expected);
    }
    expect(r.out[r.out.length - 1]).to.match(/^\nOK: \d+ checks passed on EVM, ICP, CKB in /);
  });

  it("exits 1 when a check fails: a deposit 1 wei short of the signed version 0", async () => {
    const original = PerunEvmClient.prototype.deposit;
    PerunEvmClient.prototype.deposit = function (request) {
      return original.call(this, { ...request, amount: request.amount - 1n });
    };
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(["--updates", "1", "--mode", "cooperative"]);
    } finally {
      PerunEvmClient.prototype.deposit = original;
    }
    expect(r.status).to.equal(1);
    expect(r.err.join("\n")).to.include(
      "check failed: EVM: holdings of Alice in ETH: expected 3000000000000000000, got 2999999999999999999",
    );
    expect(r.out.join("\n")).to.include("EVM: gas per step");
  });
});

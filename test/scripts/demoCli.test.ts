/**
 * The command line of `npm start`, without the chains: a bad option exits 2 with its reason
 * before Hardhat is loaded, --help prints the usage and exits 0, and a story that fails exits 1.
 * (The real three-chain story runs in demoThreeChain.test.ts.)
 */
import { expect } from "chai";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { Checker } from "../../scripts/demo/checker";
import { runDemoCli } from "../../scripts/demo/cli";
import type { DemoCliDeps } from "../../scripts/demo/cli";
import { DEMO_USAGE } from "../../scripts/demo/options";

function deps(story?: DemoCliDeps["story"]) {
  const out: string[] = [];
  const err: string[] = [];
  let hreLoaded = 0;
  const d: DemoCliDeps = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    loadHre: async () => {
      hreLoaded++;
      return { network: { name: "hardhat" } } as HardhatRuntimeEnvironment;
    },
    story,
    now: () => 0,
  };
  return { d, out, err, hreLoaded: () => hreLoaded };
}

describe("scripts: npm start command line", () => {
  for (const [argv, message] of [
    [["--participants", "7"], "npm start: --participants must be between 2 and 5, got 7"],
    [["--mode", "fast"], 'npm start: --mode must be cooperative, dispute or both, got "fast"'],
    [["--updates"], "npm start: --updates needs a value"],
    [["--frobnicate"], "npm start: unknown option --frobnicate (see --help)"],
  ] as [string[], string][]) {
    it(`exits 2 on ${argv.join(" ")} before loading Hardhat`, async () => {
      const t = deps();
      expect(await runDemoCli(argv, t.d)).to.equal(2);
      expect(t.err).to.deep.equal([message, "run `npm start -- --help` for the options"]);
      expect(t.out).to.deep.equal([]);
      expect(t.hreLoaded()).to.equal(0);
    });
  }

  it("prints the usage on --help and exits 0 without loading Hardhat", async () => {
    const t = deps();
    expect(await runDemoCli(["--help"], t.d)).to.equal(0);
    expect(t.out).to.deep.equal([DEMO_USAGE]);
    expect(DEMO_USAGE)
      .to.match(/--participants N/)
      .and.match(/--updates K/)
      .and.match(/--mode M/);
    expect(t.hreLoaded()).to.equal(0);
  });

  it("hands the parsed options to the story and exits 0 when it passes", async () => {
    let seen: unknown;
    const t = deps(async (_hre, options, log) => {
      seen = options;
      new Checker(log).equal("something", 1n, 1n);
      return { costs: [], payouts: [], checks: 1 };
    });
    expect(await runDemoCli(["--participants", "3", "--mode", "dispute"], t.d)).to.equal(0);
    expect(seen).to.deep.equal({ participants: 3, updates: 3, mode: "dispute" });
    expect(t.out).to.include("    ✓ something: 1");
    expect(t.hreLoaded()).to.equal(1);
  });

  it("exits 1 when a check of the story fails", async () => {
    const t = deps(async (_hre, _options, log) => {
      const check = new Checker(log);
      try {
        check.equal("ICP: TST left in the canister", 0n, 10n);
        return { costs: [], payouts: [], checks: check.count };
      } catch (failure) {
        return { costs: [], payouts: [], checks: check.count, failure };
      }
    });
    expect(await runDemoCli([], t.d)).to.equal(1);
    expect(t.err.join("\n")).to.include("check failed: ICP: TST left in the canister: expected 0, got 10");
  });
});

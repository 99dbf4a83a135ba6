/**
 * go-perun inside `npm test`: the same run as `npm run test:go-perun` (hardhat node, our deploy
 * script, `go test -json` in test/interop/go-perun, the TypeScript check of what go-perun
 * signed), with each Go scenario reported as its own mocha test in the one totals line.
 * Where Go is not installed every test is skipped, and the reason printed.
 */
import { expect } from "chai";
import { goAvailability, pinnedModules } from "./support/goToolchain";
import { GO_SCENARIOS, gasSummary, runGoPerunSuite } from "./support/goPerunSuite";
import type { GoPerunSuiteRun } from "./support/goPerunSuite";
import { underCoverage } from "../scripts/support/underCoverage";

const say = (line: string): void => console.log(`      ${line}`);

describe("go-perun interop: real go-perun clients on our contracts", function () {
  // A fresh machine downloads the Go modules and compiles go-ethereum first (minutes).
  this.timeout(1_500_000);
  let run: GoPerunSuiteRun | undefined;

  before(async function () {
    // A child `hardhat run` would recompile over coverage's instrumented artifacts.
    if (underCoverage()) {
      say("skipped: not under coverage (the deploy script would recompile the instrumented artifacts)");
      this.skip();
    }
    const go = goAvailability();
    if (!go.ok) {
      say(`skipped: ${go.reason}; install Go (with the module proxy) to run go-perun against the contracts`);
      this.skip();
    }
    const m = pinnedModules();
    say(`${go.version}; go-perun ${m.goPerun}, perun-eth-backend ${m.ethBackend}, go-ethereum ${m.goEthereum}`);
    run = await runGoPerunSuite(say);
  });

  after(() => {
    if (!run) return;
    say("gas of go-perun's transactions on our contracts:");
    for (const [method, g] of gasSummary(run.go.results)) {
      say(`  ${method.padEnd(22)} ${g.min === g.max ? g.min : `${g.min}–${g.max}`} gas × ${g.count}`);
    }
  });

  for (const scenario of GO_SCENARIOS) {
    it(`${scenario.test}: ${scenario.title}`, function () {
      const r = run!.go.results.find((x) => x.name === scenario.test);
      if (!r) {
        expect.fail(`${scenario.test} did not run; go test said:\n${run!.go.buildOutput.join("\n")}`);
      }
      for (const s of r.steps) say(s);
      if (r.status === "skip") {
        say(`skipped by Go: ${r.output.join(" ").trim()}`);
        this.skip();
      }
      expect(r.status, r.output.join("\n")).to.equal("pass");
    });
  }

  it("TypeScript library recomputes go-perun's channel IDs, encodings and state hashes and verifies its signatures", () => {
    const bad = run!.checks.filter((c) => !c.ok);
    say(`${run!.checks.length} checks on what go-perun signed (with tampered controls)`);
    expect(
      bad.map((c) => `${c.scenario}: ${c.what}${c.detail ? ` — ${c.detail}` : ""}`),
      "failed checks",
    ).to.deep.equal([]);
    expect(run!.checks.length).to.be.greaterThan(0);
  });

  it("every Go test of the module is listed (and so reported) here", () => {
    const listed = new Set(GO_SCENARIOS.map((s) => s.test));
    expect(run!.go.results.map((r) => r.name).filter((n) => !listed.has(n))).to.deep.equal([]);
  });
});

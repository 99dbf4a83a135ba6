/**
 * `npm run test:go-perun`: real go-perun clients on our contracts. Starts a hardhat node, deploys
 * with scripts/deploy-evm.ts, runs the Go scenarios (`go test -json` in test/interop/go-perun),
 * prints each scenario's steps, checks go-perun's signed states with our TypeScript library,
 * prints the gas of go-perun's transactions and ends with `N passed, N failed`.
 * Exit status: 0 all passed, 1 a failure, 2 Go is not installed (nothing ran).
 *
 * mocha (`hardhat test`) also loads this file, as it loads every .ts under test/: it then does
 * nothing (goPerun.test.ts is the mocha side).
 */
import { goAvailability, pinnedModules } from "./support/goToolchain";
import { GO_SCENARIOS, gasSummary, runGoPerunSuite } from "./support/goPerunSuite";

async function main(): Promise<number> {
  const say = (line: string): void => console.log(line);
  const go = goAvailability();
  const mods = pinnedModules();
  say(
    `go-perun interop: go-perun ${mods.goPerun}, perun-eth-backend ${mods.ethBackend}, go-ethereum ${mods.goEthereum}`,
  );
  if (!go.ok) {
    say(`skipped: ${go.reason}`);
    say(`\n0 passed, 0 failed, ${GO_SCENARIOS.length + 1} skipped`);
    return 2;
  }
  say(`toolchain: ${go.version}`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const run = await runGoPerunSuite(say, (r) => {
    const title = GO_SCENARIOS.find((s) => s.test === r.name)?.title ?? "(not in the scenario list)";
    say(`\n${r.status.toUpperCase()} ${r.name} (${r.seconds.toFixed(1)} s): ${title}`);
    for (const s of r.steps) say(`  ${s}`);
    if (r.gas.length > 0) {
      const txs = r.gas.map((g) => `${g.who} ${g.method} ${g.gas}${g.reverted ? " (reverted)" : ""}`);
      say(`  transactions (gas): ${txs.join(", ")}`);
    }
    if (r.status === "fail") for (const o of r.output) say(`    | ${o}`);
    if (r.status === "skip")
      say(
        `  skipped: ${r.output
          .filter((o) => /\.go:\d+:/.test(o))
          .join(" ")
          .trim()}`,
      );
    if (r.status === "pass") passed++;
    else if (r.status === "fail") failed++;
    else skipped++;
  });
  for (const s of GO_SCENARIOS) {
    if (!run.go.results.some((r) => r.name === s.test)) {
      say(`\nFAIL ${s.test}: did not run`);
      failed++;
    }
  }
  for (const r of run.go.results) {
    if (!GO_SCENARIOS.some((s) => s.test === r.name)) {
      say(`FAIL ${r.name}: a Go test missing from GO_SCENARIOS (test/interop/support/goPerunSuite.ts)`);
      failed++;
    }
  }
  if (run.go.results.length === 0 || run.go.status !== 0) {
    for (const o of run.go.buildOutput) say(`    | ${o}`);
  }

  const bad = run.checks.filter((c) => !c.ok);
  say(
    `\n${bad.length === 0 ? "PASS" : "FAIL"} TypeScript library on go-perun's states: ${run.checks.length} checks ` +
      `(channel IDs, encodings, state hashes, state and withdrawal signatures, with tampered controls)`,
  );
  for (const c of bad) say(`  ✗ ${c.scenario}: ${c.what}${c.detail ? ` — ${c.detail}` : ""}`);
  if (bad.length === 0) passed++;
  else failed++;

  say("\ngas of go-perun's transactions on our contracts (all scenarios):");
  for (const [method, g] of gasSummary(run.go.results)) {
    say(`  ${method.padEnd(24)} ${g.min === g.max ? `${g.min}` : `${g.min}–${g.max}`} gas × ${g.count}`);
  }
  say(`\nsetup ${run.setupSeconds.toFixed(1)} s, go test ${run.go.seconds.toFixed(1)} s`);
  say(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error("test:go-perun: FAILED with an unexpected error:", e);
      console.log("\n0 passed, 1 failed");
      process.exitCode = 1;
    },
  );
}

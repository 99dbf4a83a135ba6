/**
 * Gas regression check: re-measures every canonical scenario and fails when a figure differs
 * from the committed snapshot, so every gas change shows up in a diff of
 * test/gas/snapshots/gas.json.
 */
import { expect } from "chai";
import hre from "hardhat";
import { measureAll, REFERENCE } from "./scenarios";
import type { GasFigures, Scenario } from "./scenarios";
import { readSnapshot } from "./snapshot";

const REGENERATE = "run `npm run bench:gas` and commit test/gas/snapshots/gas.json";

describe("gas snapshot (test/gas/snapshots/gas.json)", function () {
  // Coverage instrumentation changes every figure; the snapshot describes the real build.
  const instrumented = (hre as unknown as { __SOLIDITY_COVERAGE_RUNNING?: boolean }).__SOLIDITY_COVERAGE_RUNNING;
  let measured: GasFigures;

  before(async function () {
    if (instrumented) this.skip();
    measured = await measureAll();
  });

  it("exists and covers every scenario of issue 3", () => {
    const snapshot = readSnapshot();
    expect(snapshot, `no gas snapshot: ${REGENERATE}`).to.not.equal(undefined);
    expect(Object.keys(snapshot!.scenarios).sort()).to.deep.equal(Object.keys(REFERENCE).sort());
  });

  for (const name of Object.keys(REFERENCE) as Scenario[]) {
    it(`${name} matches the snapshot`, () => {
      const entry = readSnapshot()?.scenarios[name];
      expect(entry, `no snapshot entry for ${name}: ${REGENERATE}`).to.not.equal(undefined);
      expect(measured[name], `gas of ${name} changed from ${entry!.gas} to ${measured[name]}: ${REGENERATE}`).to.equal(
        entry!.gas,
      );
    });
  }
});

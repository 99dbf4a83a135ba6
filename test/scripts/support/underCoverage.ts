/**
 * True while `hardhat coverage` runs the suite. solidity-coverage compiles instrumented
 * contracts into the normal artifacts folder, so a test that spawns `hardhat run` (which
 * recompiles the real sources there) would overwrite them under the running coverage session;
 * such tests skip themselves. Instrumented bytecode also costs more gas than the real one.
 */
import hre from "hardhat";

export function underCoverage(): boolean {
  return (hre as unknown as { __SOLIDITY_COVERAGE_RUNNING?: boolean }).__SOLIDITY_COVERAGE_RUNNING === true;
}

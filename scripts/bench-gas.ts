/**
 * `npm run bench:gas`: measures every canonical gas scenario of issue 3 on Hardhat's in-process
 * EVM, prints a table with upstream's figures and the goals, and writes the committed snapshot
 * `test/gas/snapshots/gas.json` (checked by `test/gas/gas-snapshot.test.ts`).
 */
import hre from "hardhat";
import { measureAll } from "../test/gas/scenarios";
import { buildSnapshot, formatTable, SNAPSHOT_PATH, writeSnapshot } from "../test/gas/snapshot";

async function main(): Promise<void> {
  await hre.run("compile", { quiet: true });
  const figures = await measureAll();
  const { version, settings } = hre.config.solidity.compilers[0];
  const compiler = {
    version,
    optimizer: settings.optimizer,
    viaIR: settings.viaIR ?? false,
    evmVersion: settings.evmVersion,
  };
  const snapshot = buildSnapshot(figures, compiler);
  writeSnapshot(snapshot);
  console.log(formatTable(snapshot));
  console.log(`\nwrote ${SNAPSHOT_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

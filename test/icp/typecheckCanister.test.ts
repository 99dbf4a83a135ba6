import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * `azle build` bundles without type-checking, so this runs tsc over the canister as Azle sees
 * it (canisters/adjudicator/tsconfig.json). Azle 0.33 ships TypeScript sources with type errors
 * of its own (e.g. stable_b_tree_map.ts), so diagnostics inside node_modules are ignored;
 * every diagnostic in our files fails the test.
 */
describe("ICP canister: TypeScript type check of the Azle sources", () => {
  it("tsc reports no error in canisters/adjudicator", function () {
    this.timeout(180_000);
    const root = join(__dirname, "..", "..");
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "canisters/adjudicator/tsconfig.json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.error).to.equal(undefined);
    const ours = (run.stdout + run.stderr)
      .split("\n")
      .filter((l) => /^\S+\.ts\(\d+,\d+\): error/.test(l) && !l.startsWith("node_modules/"));
    expect(ours).to.deep.equal([]);
  });
});

/**
 * Hardhat runs the TypeScript tests and scripts with transpile-only ts-node, which ignores
 * type errors; this test runs the real type checker over the whole project
 * (`npm run typecheck`) so that a type error fails `npm test`.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("lint: TypeScript", () => {
  it("tsc --noEmit reports no type error", function () {
    this.timeout(300_000);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], { cwd: root, encoding: "utf8" });
    expect(run.error, "could not start tsc").to.equal(undefined);
    expect(run.stdout + run.stderr).to.equal("");
    expect(run.status).to.equal(0);
  });
});

/**
 * ESLint (typescript-eslint, flat config `eslint.config.mjs`) reports nothing on the whole
 * repository (same check as `npm run lint:ts`), so a lint regression fails `npm test`.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("lint: ESLint", () => {
  it("reports zero errors and zero warnings", function () {
    this.timeout(300_000);
    const bin = join(root, "node_modules", "eslint", "bin", "eslint.js");
    const run = spawnSync(process.execPath, [bin, "--max-warnings", "0", "--format", "stylish", "."], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.error, "could not start eslint").to.equal(undefined);
    expect(run.stdout + run.stderr).to.equal("");
    expect(run.status).to.equal(0);
  });

  it("lints a new source folder without configuration, and ignores generated ones", function () {
    this.timeout(120_000);
    const bin = join(root, "node_modules", "eslint", "bin", "eslint.js");
    const files = [
      "canisters/adjudicator/src/index.ts",
      "ckb-scripts/channel/index.ts",
      "typechain/evm/index.ts",
      "dist/esm/src/index.js",
      "canisters/x/.azle/y.js",
    ];
    const run = spawnSync(process.execPath, [bin, "--print-config", files[0]], { cwd: root, encoding: "utf8" });
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout).rules["@typescript-eslint/no-unused-vars"]).to.not.equal(undefined);
    const ckb = spawnSync(process.execPath, [bin, "--print-config", files[1]], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(ckb.stdout).rules["@typescript-eslint/no-unused-vars"]).to.not.equal(undefined);
    for (const generated of files.slice(2)) {
      const r = spawnSync(process.execPath, [bin, "--print-config", generated], { cwd: root, encoding: "utf8" });
      expect(r.stdout.trim(), generated).to.equal("undefined");
    }
  });
});

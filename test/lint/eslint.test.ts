/**
 * ESLint (typescript-eslint, flat config `eslint.config.mjs`) reports nothing on the whole
 * repository (same check as `npm run lint:ts`), so a lint regression fails `npm test`.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ESLint } from "eslint";

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

  it("lints new source folders (canisters/, ckb-scripts/) without configuration, and ignores generated ones", async function () {
    this.timeout(120_000);
    const eslint = new ESLint({ cwd: root });
    for (const file of ["canisters/adjudicator/src/index.ts", "ckb-scripts/channel/index.ts", "scripts/x.mjs"]) {
      expect(await eslint.isPathIgnored(file), file).to.equal(false);
      const config = await eslint.calculateConfigForFile(file);
      expect(config.rules["@typescript-eslint/no-unused-vars"], file).to.not.equal(undefined);
    }
    const generated = [
      "typechain/evm/index.ts",
      "dist/esm/src/index.js",
      "artifacts/x.js",
      "canisters/adjudicator/.azle/main.js",
      "canisters/adjudicator/dist/index.js",
      "ckb-scripts/channel/dist/index.js",
    ];
    for (const file of generated) expect(await eslint.isPathIgnored(file), file).to.equal(true);
  });
});

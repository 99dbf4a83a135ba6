/**
 * typechain/evm is generated from the compiled contracts and committed. This test regenerates
 * the bindings from the current artifacts into a temporary folder, with the same options as
 * @typechain/hardhat, and fails when the committed files differ (run `npm run codegen`).
 */
import { expect } from "chai";
import hre from "hardhat";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { glob, runTypeChain } from "typechain";

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}

describe("codegen: typechain/evm", () => {
  let generated: string;

  before(async function () {
    this.timeout(120_000);
    await hre.run("compile", { quiet: true });
    generated = mkdtempSync(join(tmpdir(), "typechain-evm-"));
    const cwd = hre.config.paths.root;
    const allFiles = glob(cwd, [`${hre.config.paths.artifacts}/!(build-info)/**/+([a-zA-Z0-9_]).json`]);
    const cfg = hre.config.typechain;
    await runTypeChain({
      cwd,
      allFiles,
      filesToProcess: allFiles,
      outDir: generated,
      target: cfg.target,
      flags: {
        alwaysGenerateOverloads: cfg.alwaysGenerateOverloads,
        discriminateTypes: cfg.discriminateTypes,
        tsNocheck: cfg.tsNocheck,
        environment: "hardhat",
        node16Modules: cfg.node16Modules,
      },
    });
  });

  after(() => rmSync(generated, { recursive: true, force: true }));

  it("the committed bindings list exactly the generated files", () => {
    const committed = new Set(listFiles(join(hre.config.paths.root, hre.config.typechain.outDir)));
    const fresh = new Set(listFiles(generated));
    const missing = [...fresh].filter((file) => !committed.has(file));
    const extra = [...committed].filter((file) => !fresh.has(file));
    expect({ missing, extra }, "run `npm run codegen` and commit typechain/").to.deep.equal({ missing: [], extra: [] });
  });

  it("every committed binding equals its regenerated text", () => {
    const committed = join(hre.config.paths.root, hre.config.typechain.outDir);
    const stale = listFiles(generated).filter(
      (file) => readFileSync(join(generated, file), "utf8") !== readFileSync(join(committed, file), "utf8"),
    );
    expect(stale, "run `npm run codegen` and commit typechain/").to.deep.equal([]);
  });
});

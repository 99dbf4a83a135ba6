import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bundleChannelType } from "../../scripts/ckb/bundle";
import {
  COMPILER_PATH,
  committedBytecode,
  committedManifest,
  compileBytecode,
  sha256,
} from "../../scripts/ckb/compileBytecode";

/**
 * The deployed channel type script is committed QuickJS bytecode (generated). It must be the
 * compilation of today's sources: the manifest names the bundle it came from, and when the
 * compiler (ckb-scripts/bytecode/build.sh) is built, recompiling gives the same bytes.
 */
describe("CKB channel-type bytecode (generated artifact)", () => {
  it("was compiled from the current bundle of ckb-scripts/ + src/encoding (npm run build:ckb)", () => {
    const m = committedManifest();
    expect(sha256(bundleChannelType()), "bundle drifted from channel-type.bc.json: run npm run build:ckb").to.equal(
      m.bundleSha256,
    );
    expect(sha256(committedBytecode())).to.equal(m.bytecodeSha256);
  });

  it("is one flat ES module: no CommonJS or lazy-init wrappers (they cost bytes and cycles on every run)", () => {
    // A root package.json "type": "commonjs" once made esbuild wrap every module this way
    // (bundle +1 kB); the byte-level check keeps the on-chain bundle flat whatever causes it.
    const text = new TextDecoder().decode(bundleChannelType({ minify: false }));
    expect(text).not.to.match(/__commonJS|__esm\b|__toESM|__require/);
  });

  it("the on-chain sources type-check against the ckb-js-vm bindings (ckb-scripts/tsconfig.json)", function () {
    this.timeout(120_000);
    const root = join(__dirname, "..", "..");
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", join(root, "ckb-scripts", "tsconfig.json")],
      { stdio: "pipe" },
    );
  });

  it("recompiles to the committed bytes (when ckbqjsc is built)", function () {
    if (!existsSync(COMPILER_PATH)) this.skip();
    expect(sha256(compileBytecode(bundleChannelType()))).to.equal(committedManifest().bytecodeSha256);
  });
});

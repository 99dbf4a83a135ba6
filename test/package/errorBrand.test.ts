/**
 * Issue 17 #6: one error hierarchy across the ES and CommonJS builds. An application that loads
 * both (an ES module imports the package, a CommonJS dependency requires it) holds two copies of
 * every class; an error from either copy must be `instanceof` the classes of the other, of the
 * same class and its ancestors only, on every entry. The private build is the real
 * `scripts/build-package.mjs` output loaded through package.json `exports`.
 */
import { expect } from "chai";
import { writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { PerunError, InvalidHexError, EncodingError, SignatureError, keccak256 } from "../../src";
import { consumerDir, runConsumer } from "./support/privateBuild";

const ESBUILD = resolve(__dirname, "..", "..", "node_modules", "esbuild", "bin", "esbuild");

const CHECK = `
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const entries = ["perun-adjudicators", "perun-adjudicators/evm", "perun-adjudicators/ckb", "perun-adjudicators/icp"];
const esm = {}, cjs = {};
for (const e of entries) { esm[e] = await import(e); cjs[e] = require(e); }
const root = "perun-adjudicators";
function thrown(f) { try { f(); } catch (e) { return e; } throw new Error("did not throw"); }
/** One error per entry from each copy, and the classes to test it against. */
function cases(from, to) {
  return [
    { label: "encoding", error: thrown(() => from[root].keccak256("0x1")), is: [to[root].PerunError, to[root].EncodingError, to[root].InvalidHexError],
      isNot: [to[root].SignatureError, to[root].InvalidByteLengthError, to["perun-adjudicators/evm"].EvmClientError] },
    { label: "evm", error: new from["perun-adjudicators/evm"].EvmClientInputError("x"),
      is: [to[root].PerunError, to["perun-adjudicators/evm"].EvmClientError, to["perun-adjudicators/evm"].EvmClientInputError],
      isNot: [to[root].EncodingError, to["perun-adjudicators/evm"].EvmRpcError, to["perun-adjudicators/ckb"].CkbBuildError] },
    { label: "ckb", error: new from["perun-adjudicators/ckb"].CkbBuildError("x"),
      is: [to[root].PerunError, to["perun-adjudicators/ckb"].CkbBuildError],
      isNot: [to["perun-adjudicators/ckb"].CkbChannelCellError, to["perun-adjudicators/evm"].EvmClientError] },
  ];
}
const out = {
  distinct: entries.every((e) => Object.keys(esm[e]).some((k) => typeof esm[e][k] === "function" && esm[e][k] !== cjs[e][k])),
  failures: [],
  checked: 0,
};
for (const [from, to, dir] of [[cjs, esm, "cjs→esm"], [esm, cjs, "esm→cjs"], [esm, esm, "esm→esm"], [cjs, cjs, "cjs→cjs"]]) {
  for (const c of cases(from, to)) {
    for (const K of c.is) { out.checked++; if (!(c.error instanceof K)) out.failures.push(dir + " " + c.label + " not instanceof " + K.name); }
    for (const K of c.isNot) { out.checked++; if (c.error instanceof K) out.failures.push(dir + " " + c.label + " wrongly instanceof " + K.name); }
  }
}
// Not errors of ours: a plain Error, an Error named like ours, a lookalike object.
const fake = Object.assign(new Error("x"), { name: "InvalidHexError" });
for (const v of [new Error("x"), fake, { name: "PerunError" }, null, 42]) {
  for (const K of [esm[root].PerunError, cjs[root].InvalidHexError]) { out.checked++; if (v instanceof K) out.failures.push("non-Perun value instanceof " + K.name); }
}
// A subclass a user declares is not matched by our own errors of the other copy.
class AppError extends esm[root].PerunError {}
out.checked++; if (thrown(() => cjs[root].keccak256("0x1")) instanceof AppError) out.failures.push("cjs error instanceof AppError");
out.checked++; if (!(new AppError("x") instanceof cjs[root].PerunError)) out.failures.push("AppError not instanceof cjs PerunError");
console.log(JSON.stringify(out));
`;

describe("package: one PerunError hierarchy across the ES and CommonJS builds (issue 17 #6)", function () {
  this.timeout(600_000);

  it("an error from either build is instanceof the other build's classes — its own lineage only — on every entry", () => {
    writeFileSync(join(consumerDir(), "errorBrand.mjs"), CHECK);
    const r = runConsumer(["errorBrand.mjs"]);
    expect(r.status, r.out).to.equal(0);
    const result = JSON.parse(r.stdout.trim().split("\n").pop()!) as {
      distinct: boolean;
      failures: string[];
      checked: number;
    };
    expect(result.distinct, "the two builds must really be two copies").to.equal(true);
    expect(result.failures).to.deep.equal([]);
    expect(result.checked).to.equal(4 * (6 + 6 + 4) + 10 + 2);
  });

  it("the brand keeps tree-shaking: a bundle that imports only PerunError drops the rest of the library", () => {
    const dir = consumerDir();
    const size = (source: string) => {
      writeFileSync(join(dir, "shake.mjs"), source);
      const r = spawnSync(ESBUILD, ["shake.mjs", "--bundle", "--minify", "--format=esm", "--log-level=error"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(r.status, r.stderr).to.equal(0);
      return r.stdout.length;
    };
    const all = size(`import * as all from "perun-adjudicators"; console.log(all);\n`);
    const one = size(`import { PerunError } from "perun-adjudicators"; console.log(PerunError);\n`);
    expect(one, `${one} bytes of ${all}`).to.be.below(all / 4);
  });

  it("in one copy, instanceof is the ordinary prototype check", () => {
    let e: unknown;
    try {
      keccak256("0x1" as `0x${string}`);
    } catch (x) {
      e = x;
    }
    expect(e).to.be.instanceOf(InvalidHexError);
    expect(e).to.be.instanceOf(EncodingError);
    expect(e).to.be.instanceOf(PerunError);
    expect(e).to.not.be.instanceOf(SignatureError);
    class Local extends PerunError {}
    expect(new Local("x")).to.be.instanceOf(PerunError);
    expect(e).to.not.be.instanceOf(Local);
    expect(new Error("x")).to.not.be.instanceOf(PerunError);
  });
});

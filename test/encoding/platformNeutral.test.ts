import { expect } from "chai";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * STYLE rule 5: src/ is bundled into the Azle canister and into ckb-js-vm scripts, so the
 * library may import only relative modules and the two @noble entry points, and may not
 * touch Node globals. Benchmarks (*.bench.ts) are excluded from the build and exempt.
 */
const SRC = join(__dirname, "..", "..", "src");
const ALLOWED_PACKAGES = new Set(["@noble/hashes/sha3.js", "@noble/curves/secp256k1.js"]);
const FORBIDDEN_GLOBALS =
  /\b(Buffer|process|require|__dirname|__filename|globalThis|TextEncoder|TextDecoder|setTimeout|crypto)\b/;

/**
 * The chain clients (`src/evm`, `src/icp`, `src/ckb`: the package entries `perun-adjudicators/<chain>`)
 * run on a wallet's or node's host (ethers, timers) and are not bundled on chain; the rule
 * covers the library they build on.
 */
const CHAIN_CLIENTS = new Set(["evm", "icp", "ckb"].map((c) => join(SRC, c)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (CHAIN_CLIENTS.has(path)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".bench.ts") ? [path] : [];
  });
}

/** Source without comments, so prose mentioning Buffer does not count. */
function code(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
}

describe("encoding: platform-neutral library source", () => {
  const files = sourceFiles(SRC);

  it("finds the library sources", () => {
    expect(files.length).to.be.greaterThan(20);
  });

  it("imports only relative modules and @noble/hashes/sha3.js, @noble/curves/secp256k1.js", () => {
    for (const f of files) {
      for (const m of code(f).matchAll(/\bfrom\s+"([^"]+)"/g)) {
        const spec = m[1];
        const ok = spec.startsWith("./") || spec.startsWith("../") || ALLOWED_PACKAGES.has(spec);
        expect(ok, `${relative(SRC, f)} imports ${spec}`).to.equal(true);
      }
    }
  });

  it("uses no Node or host globals", () => {
    for (const f of files) {
      // Module specifiers ("./internal/crypto") and other string literals are not globals.
      const hit = code(f)
        .replace(/"[^"\n]*"|`[^`]*`/g, '""')
        .match(FORBIDDEN_GLOBALS);
      expect(hit?.[0], `${relative(SRC, f)} uses ${hit?.[0]}`).to.equal(undefined);
    }
  });
});

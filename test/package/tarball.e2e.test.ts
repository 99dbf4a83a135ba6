/**
 * The package as a client developer gets it: `npm pack` (which builds through `prepack`), the
 * tarball installed into a fresh temporary project (offline: extracted, its declared dependencies
 * linked from the repository's node_modules), and there:
 * - imported from ESM and from CommonJS — the CommonJS run disables Node's require(esm)
 *   (`--no-experimental-require-module`), as Jest and Node < 20.19 lack it; a control shows
 *   that @noble v2 itself cannot be required there;
 * - a strict TypeScript client (the README's example) type-checked with moduleResolution
 *   node16 (ESM and CJS files) and bundler; a deliberate type error must be reported (so the
 *   types are real, not `any`);
 * - the example and a small browser entry bundled by esbuild for the browser; the browser
 *   bundle is evaluated in a context without Node's globals and computes the known-good
 *   channel ID;
 * - the README example compiled and run against a `hardhat node` on 127.0.0.1: deposit,
 *   concludeFinal (and a decoded revert of a second close), withdraw.
 */
import { expect } from "chai";
import hre from "hardhat";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import vm from "node:vm";
import { JsonRpcProvider, Wallet } from "ethers";
import { deployEvm } from "../../scripts/lib/evm/deployEvm";
import { freePort } from "../scripts/support/freePort";
import { underCoverage } from "../scripts/support/underCoverage";
import { startHardhatNode } from "../support/hardhatNode";
import type { HardhatNode } from "../support/hardhatNode";
import { README_LIBRARY_EXAMPLE_MARKER, readmeClientExample } from "./support/readmeExample";

const ROOT = resolve(__dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const ESBUILD = join(ROOT, "node_modules", "esbuild", "bin", "esbuild");
const KNOWN_CHANNEL_ID = "0x5822dd7a3950d0506be16ff3b52c52fd9965d47fe05f042f3cfdb502bdf70b9f";
const ALICE = `0x${"11".repeat(32)}` as const;
const BOB = `0x${"22".repeat(32)}` as const;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 240_000, env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, stdout: r.stdout ?? "" };
}

function node(args: string[], cwd: string) {
  return run(process.execPath, args, cwd);
}

/** The known-good params of DESIGN.md §2 as source text (used by several consumers). */
const KNOWN_PARAMS_SRC = `{
  challengeDuration: 60n, nonce: 1n, app: "0x0000000000000000000000000000000000000000",
  participants: ["0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a", "0x1563915e194d8cfba1943570603f7606a3115508"]
    .map((ethAddress) => ({ ethAddress, ccAddress: "0x" + "00".repeat(32) })),
  ledgerChannel: true, virtualChannel: false,
}`;

describe("package: the packed tarball in a fresh project", function () {
  this.timeout(600_000);
  let work: string;
  let app: string;

  before(function () {
    // `npm pack` rebuilds dist/ and the example compiles against it; coverage swaps artifacts.
    if (underCoverage()) this.skip();
    work = mkdtempSync(join(tmpdir(), "perun-tarball-"));
    // The repository's .npmrc sets ignore-scripts=true (azle's and @dfinity/pic's install scripts
    // need dfx or a download), which also skips prepack: packing from the repo names the flag.
    const pack = run("npm", ["pack", "--ignore-scripts=false", "--json", "--pack-destination", work], ROOT);
    expect(pack.status, pack.out).to.equal(0);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = info.files.map((f) => f.path);
    expect(files).to.include.members([
      "LICENSE",
      "README.md",
      "package.json",
      "dist/esm/src/index.js",
      "dist/cjs/src/evm/index.js",
    ]);
    expect(files.filter((f) => !/^(LICENSE|README\.md|package\.json|dist\/(esm|cjs)\/.*)$/.test(f))).to.deep.equal([]);

    app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // Installed as npm installs a tarball, without the network: the tarball extracted into
    // node_modules, and exactly its declared dependencies and peer dependencies linked from the
    // repository's node_modules (a dependency the package forgot to declare is missing here).
    const target = join(app, "node_modules", "perun-adjudicators");
    mkdirSync(target, { recursive: true });
    const untar = run("tar", ["-xzf", join(work, info.filename), "-C", target, "--strip-components=1"], app);
    expect(untar.status, untar.out).to.equal(0);
    const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8"));
    const deps = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
    expect(deps).to.include.members(["@noble/curves", "@noble/hashes", "ethers"]);
    for (const dep of deps) {
      mkdirSync(dirname(join(app, "node_modules", dep)), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", dep), join(app, "node_modules", dep), "dir");
    }
  });

  before(() => {
    writeFileSync(join(app, "example.mts"), readmeClientExample(ROOT));
    writeFileSync(join(app, "library.mts"), readmeClientExample(ROOT, README_LIBRARY_EXAMPLE_MARKER));
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("ships LICENSE (Apache-2.0) and source maps that carry their sources", () => {
    const pkgDir = join(app, "node_modules", "perun-adjudicators");
    expect(readFileSync(join(pkgDir, "LICENSE"), "utf8")).to.match(/Apache License\s+Version 2\.0/);
    for (const format of ["esm", "cjs"]) {
      for (const entry of ["index", "evm/index"]) {
        const map = JSON.parse(readFileSync(join(pkgDir, "dist", format, "src", `${entry}.js.map`), "utf8"));
        expect(map.sources.length, `${format}/${entry}`).to.be.greaterThan(0);
        expect(map.sourcesContent, `${format}/${entry}`).to.have.length(map.sources.length);
        expect(map.sourcesContent.every((s: unknown) => typeof s === "string" && s.length > 0)).to.equal(true);
      }
    }
  });

  it("imports from ESM: both entries, one PerunError class across them", () => {
    const r = node(
      [
        "--input-type=module",
        "-e",
        `import { channelId, PerunError } from "perun-adjudicators";
         import { PerunEvmClient, EvmClientInputError, ADJUDICATOR_ABI } from "perun-adjudicators/evm";
         console.log(JSON.stringify({ id: channelId(${KNOWN_PARAMS_SRC}), client: typeof PerunEvmClient,
           shared: new EvmClientInputError("x") instanceof PerunError, abi: ADJUDICATOR_ABI.length > 0 }));`,
      ],
      app,
    );
    expect(r.status, r.out).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({ id: KNOWN_CHANNEL_ID, client: "function", shared: true, abi: true });
  });

  it("requires from CommonJS where require(esm) is unavailable (Jest-like), while @noble v2 alone cannot be required there", () => {
    const flag = "--no-experimental-require-module";
    const control = node([flag, "-e", `require("@noble/hashes/sha3.js")`], app);
    expect(control.status, "control: @noble v2 must be ESM-only").to.not.equal(0);
    expect(control.out).to.match(/ERR_REQUIRE_ESM|Cannot use import statement|require\(\) of ES Module/);
    const r = node(
      [
        flag,
        "-e",
        `const { channelId, PerunError } = require("perun-adjudicators");
         const { PerunEvmClient, EvmClientInputError } = require("perun-adjudicators/evm");
         console.log(JSON.stringify({ id: channelId(${KNOWN_PARAMS_SRC}), client: typeof PerunEvmClient,
           shared: new EvmClientInputError("x") instanceof PerunError }));`,
      ],
      app,
    );
    expect(r.status, r.out).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({ id: KNOWN_CHANNEL_ID, client: "function", shared: true });
  });

  describe("strict TypeScript", () => {
    before(() => {
      writeFileSync(
        join(app, "consumer.cts"),
        `import { channelId, hashState } from "perun-adjudicators";
         import type { Params } from "perun-adjudicators";
         import { decodeRevertData, ContractRevertError } from "perun-adjudicators/evm";
         const params: Params = {
           challengeDuration: 60n, nonce: 1n, app: "0x0000000000000000000000000000000000000000",
           participants: (["0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a", "0x1563915e194d8cfba1943570603f7606a3115508"] as const)
             .map((ethAddress) => ({ ethAddress, ccAddress: "0x" })),
           ledgerChannel: true, virtualChannel: false,
         };
         export const id: string = channelId(params);
         export const decoded = decodeRevertData("0x");
         export function name(e: unknown): string | undefined {
           return e instanceof ContractRevertError && e.is("DisputeStaleVersion") ? String(e.args.registered) : undefined;
         }
         export const h = hashState;\n`,
      );
      const base = { strict: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false };
      writeFileSync(
        join(app, "tsconfig.node16.json"),
        JSON.stringify({
          compilerOptions: { ...base, module: "node16", moduleResolution: "node16", outDir: "out" },
          files: ["example.mts", "library.mts", "consumer.cts"],
        }),
      );
      writeFileSync(
        join(app, "tsconfig.bundler.json"),
        JSON.stringify({
          compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler", noEmit: true },
          files: ["example.mts", "library.mts"],
        }),
      );
    });

    for (const config of ["node16", "bundler"]) {
      it(`type-checks the README example with moduleResolution ${config}`, () => {
        const r = node([TSC, "-p", `tsconfig.${config}.json`, ...(config === "node16" ? [] : ["--noEmit"])], app);
        expect(r.out).to.equal("");
        expect(r.status).to.equal(0);
      });
    }

    it("runs the README library example: the known-good channel ID, state hash and signer", () => {
      if (!existsSync(join(app, "out", "library.mjs"))) {
        const tsc = node([TSC, "-p", "tsconfig.node16.json"], app);
        expect(tsc.status, tsc.out).to.equal(0);
      }
      const r = node(["out/library.mjs"], app);
      expect(r.status, r.out).to.equal(0);
      expect(r.stdout.trim().split("\n")).to.deep.equal([
        KNOWN_CHANNEL_ID,
        "0x22bd439b5842a319d9fb067545a434baad3ae16a9d5ef22a1c3667a8091831fe",
        "0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a",
      ]);
    });

    it("reports a deliberate type error (the types are real, not any)", () => {
      writeFileSync(
        join(app, "wrong.mts"),
        `import { ContractRevertError, PerunEvmClient } from "perun-adjudicators/evm";
         import { channelId } from "perun-adjudicators";
         export const n: number = channelId;
         export const m: string = PerunEvmClient.prototype.concludeFinal;
         export function f(e: ContractRevertError): string {
           if (e.is("DisputeStaleVersion")) { const registered: string = e.args.registered; return registered; }
           return "";
         }\n`,
      );
      const r = node(
        [TSC, "--strict", "--noEmit", "--module", "node16", "--moduleResolution", "node16", "wrong.mts"],
        app,
      );
      expect(r.status).to.not.equal(0);
      expect(r.out.match(/error TS2322/g), r.out).to.have.length(3);
    });
  });

  it("bundles for the browser with esbuild; the bundle runs without Node globals", () => {
    writeFileSync(
      join(app, "browser.mjs"),
      `import { channelId } from "perun-adjudicators";
       import { decodeRevertData, ADJUDICATOR_ABI } from "perun-adjudicators/evm";
       globalThis.result = { id: channelId(${KNOWN_PARAMS_SRC}), abi: ADJUDICATOR_ABI.length, none: decodeRevertData("0x") === undefined };\n`,
    );
    const common = ["--bundle", "--platform=browser", "--log-level=error"];
    const b = run(ESBUILD, ["browser.mjs", ...common, "--format=iife", "--outfile=browser.bundle.js"], app);
    expect(b.status, b.out).to.equal(0);
    const e = run(ESBUILD, ["example.mts", ...common, "--format=esm", "--outfile=example.bundle.js"], app);
    expect(e.status, e.out).to.equal(0);
    const bundle = readFileSync(join(app, "browser.bundle.js"), "utf8");
    expect(bundle).to.not.match(/require\(["']node:|from ["']node:/);
    const context: Record<string, unknown> = { TextEncoder, TextDecoder, crypto: globalThis.crypto };
    context.globalThis = context;
    vm.runInNewContext(bundle, context);
    const result = context.result as { id: string; abi: number; none: boolean };
    expect(result.id).to.equal(KNOWN_CHANNEL_ID);
    expect(result.abi).to.be.greaterThan(10);
    expect(result.none).to.equal(true);
  });

  describe("drives a channel on a hardhat node through perun-adjudicators/evm", () => {
    let chain: HardhatNode | undefined;
    after(() => chain?.stop());

    it("the README example: deposit, concludeFinal (second close decoded), withdraw", async () => {
      chain = await startHardhatNode(await freePort());
      const provider = new JsonRpcProvider(chain.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
      const deployer = await provider.getSigner(0);
      const deployment = await deployEvm({ signer: deployer, artifacts: hre.artifacts, networkName: "localhost" });
      for (const key of [ALICE, BOB]) {
        await provider.send("hardhat_setBalance", [new Wallet(key).address, "0x56bc75e2d63100000"]); // 100 ETH
      }
      writeFileSync(join(app, "deployment.json"), JSON.stringify(deployment.record));
      if (!existsSync(join(app, "out", "example.mjs"))) {
        const tsc = node([TSC, "-p", "tsconfig.node16.json"], app);
        expect(tsc.status, tsc.out).to.equal(0);
      }
      writeFileSync(
        join(app, "run.mjs"),
        `import { readFileSync } from "node:fs";
         import { cooperativeClose } from "./out/example.mjs";
         const deployment = JSON.parse(readFileSync("deployment.json", "utf8"));
         const r = await cooperativeClose(process.argv[2], deployment, "${ALICE}", "${BOB}");
         console.log(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));\n`,
      );
      const r = node(["run.mjs", chain.url], app);
      expect(r.status, r.out).to.equal(0);
      const result = JSON.parse(r.stdout.trim().split("\n").pop()!);
      expect(result.phase).to.equal("concluded");
      expect(result.withdrawn).to.deep.equal(["1500000000000000000", "1500000000000000000"]);
      expect(result.rejected).to.match(/^Dispute/);
      const holder = deployment.record.contracts.AssetHolderETH.address;
      expect(await provider.getBalance(holder)).to.equal(0n);
      provider.destroy();
    });
  });
});

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { NATIVE_DEBUGGER, nativeDebuggerPresent } from "../../scripts/lib/ckb/nativeDebugger";
import { CkbNativeVmError } from "../../scripts/lib/ckb/nativeRun";
import { lastRunner, runScriptGroup, setVmWorkerScript } from "../../scripts/lib/ckb/vm";
import { CkbVmChoiceError, ckbVmMode } from "../../scripts/lib/ckb/vmChoice";
import type { Verdict } from "../../scripts/lib/ckb/world";
import { TX_KINDS, lifecycle } from "./support/lifecycle";
import { setWitness } from "./support/mutate";
import { vectorTransactions } from "./support/vectorTxs";

/** Runs `f` with CKB_VM set to `mode` (undefined: unset), restoring it afterwards. */
function withVm<T>(mode: string | undefined, f: () => T): T {
  const saved = process.env.CKB_VM;
  if (mode === undefined) delete process.env.CKB_VM;
  else process.env.CKB_VM = mode;
  try {
    return f();
  } finally {
    if (saved === undefined) delete process.env.CKB_VM;
    else process.env.CKB_VM = saved;
  }
}

describe("CKB VM choice (CKB_VM)", () => {
  it("native, wasm (alias worker) and process; unset or empty: native when built, else wasm", () => {
    const table: [string | undefined, boolean, string][] = [
      [undefined, true, "native"],
      [undefined, false, "wasm"],
      ["", true, "native"],
      ["", false, "wasm"],
      ["native", true, "native"],
      ["wasm", true, "wasm"],
      ["wasm", false, "wasm"],
      ["worker", true, "wasm"],
      ["process", true, "process"],
      ["process", false, "process"],
    ];
    for (const [value, present, want] of table)
      expect(ckbVmMode(value, present), `CKB_VM=${value}, native built: ${present}`).to.equal(want);
  });

  it("refuses an unknown mode and CKB_VM=native without the native build, with what to do", () => {
    for (const bad of ["Native", "asm", "wasm32", "1"]) {
      expect(() => ckbVmMode(bad, true), bad)
        .to.throw(CkbVmChoiceError, "is not a CKB VM: use native, wasm or process")
        .with.nested.property("details.CKB_VM", bad);
    }
    expect(() => ckbVmMode("native", false)).to.throw(CkbVmChoiceError, "run npm run setup:native");
  });

  it("a verification with an unknown CKB_VM fails with that error instead of picking a VM", () => {
    const { world, txs } = lifecycle(2, true);
    expect(() => withVm("fast", () => world.verify(txs.open))).to.throw(CkbVmChoiceError, 'CKB_VM="fast"');
  });
});

/**
 * The native ckb-debugger (`npm run setup:native`, asm VM) against the WASM build on real
 * transactions: every honest transaction kind and refusals (early and deep in the script), same
 * exit codes, cycles and output. Skipped, with the reason, where the native build is absent.
 */
describe("CKB VM runner: native ckb-debugger against the WASM build", function () {
  this.timeout(600_000);
  before(function () {
    if (!nativeDebuggerPresent()) {
      console.log(`    [native CKB VM SKIPPED] ${NATIVE_DEBUGGER} is not built (npm run setup:native needs cargo)`);
      this.skip();
    }
  });
  const summary = (v: Verdict) => v.groups.map((g) => [g.script, g.group, g.code, g.cycles, g.stdout]);

  it("gives the same verdicts, exit codes, cycles and output as the WASM worker on every transaction kind and on refusals", () => {
    const { world, txs } = lifecycle(2, true);
    const refusals = vectorTransactions(world)
      .rejected()
      .filter((t) => /one-signature-for-two-participants|status-total-size-header-minus-one/.test(t.name));
    expect(refusals.length).to.be.at.least(2);
    // A refusal late in the script, after both signatures were checked: the dispute carrying
    // the refutation's (validly signed, newer) state, which its new channel status does not hold.
    const late = {
      name: "dispute with the refutation's state",
      skel: setWitness(txs.dispute, 0, txs.refute.get("witnesses").get(0)!),
    };
    const cases = [...TX_KINDS.map((k) => ({ name: k, skel: txs[k] })), ...refusals, late];
    let refused = 0;
    for (const c of cases) {
      const native = withVm("native", () => world.verify(c.skel));
      expect(lastRunner, c.name).to.equal("native");
      const wasm = withVm("wasm", () => world.verify(c.skel));
      expect(lastRunner, c.name).to.equal("worker");
      expect(summary(native), c.name).to.deep.equal(summary(wasm));
      if (!native.ok) {
        refused++;
        expect(native.cycles, `${c.name}: a refusal's cycles are counted`).to.be.above(0);
      }
    }
    expect(refused).to.equal(refusals.length + 1);
    for (const k of TX_KINDS) expect(withVm("native", () => world.verify(txs[k])).ok, k).to.equal(true);
  });

  it("is the default when built, and verifyAsync gives the same verdicts natively", async () => {
    const { world, txs } = lifecycle(2, true);
    withVm(undefined, () => world.verify(txs.open));
    expect(lastRunner).to.equal("native");
    const want = [summary(withVm("wasm", () => world.verify(txs.close)))];
    process.env.CKB_VM = "native";
    try {
      const got = await Promise.all([world.verifyAsync(txs.close)]);
      expect(lastRunner).to.equal("native");
      expect(got.map(summary)).to.deep.equal(want);
    } finally {
      delete process.env.CKB_VM;
    }
  });

  it("a transaction the debugger cannot load is an error on both VMs, never a verdict", () => {
    expect(() => runScriptGroup("{ not a mock tx", "type", "input", 0, "native")).to.throw(
      CkbNativeVmError,
      "gave no script result",
    );
    expect(() => runScriptGroup("{ not a mock tx", "type", "input", 0, "worker")).to.throw("gave no result");
  });
});

/**
 * scripts/lib/ckb/vm.ts verifies script groups in a worker thread that keeps the compiled
 * debugger, falling back to one child process per group. Both must give the same verdicts,
 * cycles and output; a broken worker must fall back, never change a verdict.
 */
describe("CKB VM runner (WASM: worker thread and child-process fallback)", function () {
  this.timeout(600_000);
  const { world, txs } = lifecycle(2, true);
  // These tests are about the WASM runners: pin CKB_VM=wasm (the default is native when built).
  let savedVm: string | undefined;
  before(() => {
    savedVm = process.env.CKB_VM;
    process.env.CKB_VM = "wasm";
  });
  after(() => {
    if (savedVm === undefined) delete process.env.CKB_VM;
    else process.env.CKB_VM = savedVm;
  });
  const honest = txs.dispute;
  // A ChannelAction with an unknown union tag (5): MALFORMED_WITNESS.
  const witness = honest.get("witnesses").get(0)!;
  const badTag = witness.slice(0, 2 + 2 * 20) + "05" + witness.slice(2 + 2 * 21);
  const rejected = setWitness(honest, 0, badTag);
  const summary = (v: Verdict) => v.groups.map((g) => [g.script, g.group, g.code, g.cycles, g.stdout]);
  const viaProcess = <T>(f: () => T): T => withVm("process", f);
  const brokenWorker = (source: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "vmworker-")), "broken.js");
    writeFileSync(path, source);
    return path;
  };
  after(() => setVmWorkerScript());

  it("gives the same exit codes, cycles and output in the worker and in a child process", () => {
    for (const skel of [honest, rejected]) {
      const inWorker = world.verify(skel);
      expect(lastRunner).to.equal("worker");
      const inChild = viaProcess(() => world.verify(skel));
      expect(lastRunner).to.equal("process");
      expect(summary(inWorker)).to.deep.equal(summary(inChild));
    }
    expect(world.verify(honest).ok).to.equal(true);
    expect(world.verify(rejected).code).to.equal(EXIT.MALFORMED_WITNESS);
  });

  it("verifyAsync gives the same verdicts, also for concurrent calls (one job at a time) and through the fallback", async () => {
    const want = [summary(world.verify(honest)), summary(world.verify(rejected))];
    const both = await Promise.all([world.verifyAsync(honest), world.verifyAsync(rejected)]);
    expect(lastRunner).to.equal("worker");
    expect(both.map(summary)).to.deep.equal(want);
    const saved = process.env.CKB_VM;
    process.env.CKB_VM = "process";
    try {
      const inChild = await Promise.all([world.verifyAsync(honest), world.verifyAsync(rejected)]);
      expect(lastRunner).to.equal("process");
      expect(inChild.map(summary)).to.deep.equal(want);
    } finally {
      process.env.CKB_VM = saved;
    }
  });

  it("an asynchronous run keeps its process alive until the VM answers (a finished main script waits for it)", () => {
    // Regression: the worker is unref'd and a pending Atomics.waitAsync holds no handle, so a
    // script whose only pending work was an asynchronous run exited early, with status 0.
    const { txJson, groups } = world.scriptGroups(honest);
    const group = groups.find((g) => g.script === "channel-type")!;
    const want = world.verify(honest).groups.find((g) => g.script === "channel-type")!;
    const dir = mkdtempSync(join(tmpdir(), "vmasync-"));
    writeFileSync(join(dir, "tx.json"), txJson);
    const script =
      `const { runScriptGroupAsync } = require(${JSON.stringify(join(__dirname, "../../scripts/lib/ckb/vm"))});\n` +
      `const tx = require("node:fs").readFileSync(${JSON.stringify(join(dir, "tx.json"))}, "utf8");\n` +
      `runScriptGroupAsync(tx, "type", ${JSON.stringify(group.cellType)}, ${group.index}).then((r) => console.log("RESULT " + r.code + " " + r.cycles));\n`;
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      cwd: join(__dirname, "..", ".."),
      encoding: "utf8",
    });
    expect(child.stdout, child.stderr).to.include(`RESULT 0 ${want.cycles}`);
    expect(child.status).to.equal(0);
  });

  it("falls back to child processes, with the same verdicts, when the worker cannot start or cannot answer", () => {
    const want = [summary(world.verify(honest)), summary(world.verify(rejected))];
    const cannotStart = brokenWorker(
      'const { workerData } = require("node:worker_threads");\n' +
        "const ready = new Int32Array(workerData.ready);\n" +
        'workerData.port.postMessage({ error: "test: broken on purpose" });\n' +
        "Atomics.store(ready, 0, -1);\nAtomics.notify(ready, 0);\n",
    );
    const cannotAnswer = brokenWorker(
      'const { workerData } = require("node:worker_threads");\n' +
        'workerData.port.on("message", (job) => {\n' +
        '  workerData.port.postMessage({ error: "test: no VM here" });\n' +
        "  const done = new Int32Array(job.done);\n  Atomics.store(done, 0, 1);\n  Atomics.notify(done, 0);\n});\n" +
        "const ready = new Int32Array(workerData.ready);\nAtomics.store(ready, 0, 1);\nAtomics.notify(ready, 0);\n",
    );
    for (const script of [cannotStart, cannotAnswer]) {
      setVmWorkerScript(script);
      expect([summary(world.verify(honest)), summary(world.verify(rejected))]).to.deep.equal(want);
      expect(lastRunner).to.equal("process");
    }
    setVmWorkerScript();
    world.verify(rejected);
    expect(lastRunner).to.equal("worker");
  });
});

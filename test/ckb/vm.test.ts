import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { lastRunner, setVmWorkerScript } from "../../scripts/lib/ckb/vm";
import type { Verdict } from "../../scripts/lib/ckb/world";
import { lifecycle } from "./support/lifecycle";
import { setWitness } from "./support/mutate";

/**
 * scripts/lib/ckb/vm.ts verifies script groups in a worker thread that keeps the compiled
 * debugger, falling back to one child process per group. Both must give the same verdicts,
 * cycles and output; a broken worker must fall back, never change a verdict.
 */
describe("CKB VM runner (worker thread and child-process fallback)", function () {
  this.timeout(600_000);
  const { world, txs } = lifecycle(2, true);
  const honest = txs.dispute;
  // A ChannelAction with an unknown union tag (5): MALFORMED_WITNESS.
  const witness = honest.get("witnesses").get(0)!;
  const badTag = witness.slice(0, 2 + 2 * 20) + "05" + witness.slice(2 + 2 * 21);
  const rejected = setWitness(honest, 0, badTag);
  const summary = (v: Verdict) => v.groups.map((g) => [g.script, g.group, g.code, g.cycles, g.stdout]);
  const viaProcess = <T>(f: () => T): T => {
    const saved = process.env.CKB_VM;
    process.env.CKB_VM = "process";
    try {
      return f();
    } finally {
      if (saved === undefined) delete process.env.CKB_VM;
      else process.env.CKB_VM = saved;
    }
  };
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
      if (saved === undefined) delete process.env.CKB_VM;
      else process.env.CKB_VM = saved;
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

/**
 * Issue 17 #10: `deploy:ckb` against a node that does not answer refuses with exit 2 and one
 * readable line before collecting or sending anything (no raw ECONNREFUSED, no stack trace), and
 * its unsigned plan says that the placeholder owner lock args must be replaced.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./support/freePort";

const SCRIPT = join(__dirname, "..", "..", "scripts", "deploy-ckb.ts");

function deployCkb(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", SCRIPT], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, CKB_RPC_URL: "", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("deploy:ckb refusals (issue 17 #10)", function () {
  this.timeout(180_000);

  it("an unreachable node: exit 2, one 'refused' line naming the URL, nothing collected", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const out = join(mkdtempSync(join(tmpdir(), "deploy-ckb-")), "record.json");
    const r = deployCkb({ CKB_RPC_URL: url, CKB_PRIVATE_KEY: `0x${"11".repeat(32)}`, CKB_DEPLOY_OUT: out });
    expect(r.status, r.stdout + r.stderr).to.equal(2);
    // Node's own WASI ExperimentalWarning (ckb-testtool loads a WASM debugger) is not ours.
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !/ExperimentalWarning|--trace-warnings/.test(l));
    expect(lines, r.stderr).to.have.length(1);
    expect(lines[0]).to.match(
      new RegExp(
        `^deploy-ckb: refused: cannot reach the CKB node at ${url.replace(/\./g, "\\.")}: .*ECONNREFUSED.* \\(is the node running\\? check CKB_RPC_URL\\)$`,
      ),
    );
    expect(r.stdout).to.not.match(/collecting/);
    expect(r.stderr).to.not.match(/\n\s+at /);
  });

  it("the unsigned plan says to replace the placeholder owner lock args", () => {
    const out = join(mkdtempSync(join(tmpdir(), "deploy-ckb-")), "plan.json");
    const r = deployCkb({ CKB_DEPLOY_OUT: out });
    expect(r.status, r.stderr).to.equal(0);
    const plan = JSON.parse(readFileSync(out, "utf8"));
    expect(plan.unsignedTransaction.outputs[0].lock.args).to.equal(`0x${"00".repeat(20)}`);
    expect(plan.unsignedTransaction.note).to.match(/replace the placeholder lock args 0x0{40} with the owner's/);
    expect(r.stdout).to.match(/placeholder owner lock args 0x0{40}: replace them/);
  });
});

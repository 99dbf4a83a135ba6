import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { utils } from "@ckb-lumos/base";
import { committedBytecode } from "../../scripts/ckb/compileBytecode";

/** scripts/deploy-ckb.ts as a user runs it (ts-node), offline. */
describe("CKB deploy script (scripts/deploy-ckb.ts)", function () {
  this.timeout(120_000);
  const run = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [
        require.resolve("ts-node/dist/bin.js"),
        "--transpile-only",
        join(__dirname, "..", "..", "scripts", "deploy-ckb.ts"),
      ],
      {
        encoding: "utf8",
        env: { ...process.env, CKB_RPC_URL: "", ...env },
      },
    );

  it("without an RPC URL writes the unsigned transaction and the script hashes, and says so", () => {
    const out = join(mkdtempSync(join(tmpdir(), "deploy-ckb-")), "plan.json");
    const r = run({ CKB_DEPLOY_OUT: out });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/no CKB_RPC_URL: nothing sent; wrote the unsigned deployment transaction/);
    const plan = JSON.parse(readFileSync(out, "utf8"));
    expect(plan.scripts["channel-type"].codeHash).to.equal(utils.ckbHash(committedBytecode()));
    expect(plan.unsignedTransaction.outputsData).to.have.length(3);
  });

  it("refuses a malformed key with exit 2 before contacting anything", () => {
    const r = run({ CKB_RPC_URL: "http://127.0.0.1:1", CKB_PRIVATE_KEY: "0x1234" });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/refused: CKB_PRIVATE_KEY/);
  });

  it("refuses a non-http URL and an unknown network with exit 2", () => {
    expect(run({ CKB_RPC_URL: "ftp://x" }).status).to.equal(2);
    expect(run({ CKB_NETWORK: "moon" }).status).to.equal(2);
  });
});

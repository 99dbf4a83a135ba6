import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { CKB_LOCK_EXIT as LOCK_EXIT } from "../../src/ckb";
import { CKB_SCRIPTS_DIR } from "../../scripts/ckb/bundle";
import { expectRejected } from "./support/expect";
import { feePayer, funded } from "./support/fixtures";
import { CkbWorld } from "../../scripts/lib/ckb/world";
import { helpers } from "@ckb-lumos/lumos";

/** channel-lock (C): funds cells open only next to their channel's type script. */
describe("CKB channel-lock (funds cells, CKB VM)", function () {
  this.timeout(600_000);
  const world = new CkbWorld();

  it("refuses to spend a funds cell without its channel cell (NO_CHANNEL_INPUT)", () => {
    const sc = funded(world, 2, false);
    const fp = feePayer(world);
    let skel = helpers.TransactionSkeleton({});
    skel = skel.update("cellDeps", (l) => l.push(world.deployment.channelLock.cellDep));
    skel = skel
      .update("inputs", (l) => l.push(sc.funds[0], ...fp.cells))
      .update("witnesses", (l) => l.push("0x", "0x"));
    skel = skel.update("outputs", (l) =>
      l.push({
        ...sc.funds[0],
        outPoint: undefined,
        cellOutput: { ...sc.funds[0].cellOutput, lock: world.script("thief") },
      }),
    );
    const v = world.verify(skel);
    expectRejected(v, LOCK_EXIT.NO_CHANNEL_INPUT, "channel-lock");
    expect(v.groups.find((g) => g.script === "channel-lock")!.cycles).to.be.below(100_000);
  });

  it("the committed binary is the one build.sh makes from channel_lock.c (when riscv64 gcc is installed)", function () {
    let gcc = true;
    try {
      execFileSync("riscv64-unknown-elf-gcc", ["--version"], { stdio: "ignore" });
    } catch {
      gcc = false;
    }
    if (!gcc) this.skip();
    const out = join(tmpdir(), `channel-lock-${process.pid}`);
    execFileSync(join(CKB_SCRIPTS_DIR, "channel-lock", "build.sh"), [out]);
    const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
    expect(sha(out)).to.equal(sha(join(CKB_SCRIPTS_DIR, "channel-lock", "channel-lock")));
    if (existsSync(out)) rmSync(out);
  });
});

import { expect } from "chai";
import type { Verdict } from "../../../scripts/lib/ckb/world";

/** Every channel group accepted (and the channel type script did run). */
export function expectAccepted(v: Verdict): void {
  const bad = v.groups.find((g) => g.code !== 0);
  expect(bad, bad ? `${bad.script} exited ${bad.code}\n${bad.stdout.slice(-800)}` : "").to.equal(undefined);
  expect(
    v.groups.some((g) => g.script === "channel-type"),
    "channel type script ran",
  ).to.equal(true);
}

/** `script` refused the transaction with exactly `code`. */
export function expectRejected(
  v: Verdict,
  code: number,
  script: "channel-type" | "channel-lock" = "channel-type",
): void {
  const g = v.groups.find((x) => x.script === script);
  expect(g, `${script} ran`).to.not.equal(undefined);
  expect(g!.code, `${script} exit code\n${g!.stdout.slice(-800)}`).to.equal(code);
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TxKind } from "./lifecycle";
import { lifecycle } from "./lifecycle";

const SNAPSHOT = join(__dirname, "..", "..", "..", "ckb-scripts", "cycles.json");

/**
 * Cycle drift: the honest transaction of `kind` (from lifecycle(), the bench's own sequence)
 * is accepted and costs exactly what ckb-scripts/cycles.json says. After an intended change,
 * run `npm run bench:ckb` and commit the new numbers.
 */
export function expectSnapshotCycles(kind: TxKind, n: 2 | 3): void {
  const snap = JSON.parse(readFileSync(SNAPSHOT, "utf8"));
  const { world, txs } = lifecycle(n, n === 2);
  const v = world.verify(txs[kind]);
  expectAccepted(v);
  expect(v.cycles, `${kind}, ${n} parties: cycles drifted from ckb-scripts/cycles.json (npm run bench:ckb)`).to.equal(
    snap.parties[String(n)].tx[kind].total,
  );
}

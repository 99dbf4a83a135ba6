import { buildAbort, buildClose, buildForceClose } from "../../../src/ckb";
import type { helpers } from "@ckb-lumos/lumos";
import { commitChannel, commitFund, disputeTx, feePayer, fundTx, nextState, opened, openTx, signAll } from "./fixtures";
import { CkbWorld } from "../../../scripts/lib/ckb/world";

export const TX_KINDS = ["open", "fund", "abort", "dispute", "refute", "close", "forceClose"] as const;
export type TxKind = (typeof TX_KINDS)[number];

/**
 * One honest transaction of every kind, built by the src/ckb builders in a fresh world with a
 * fixed sequence (so cycle counts are reproducible: secp256k1 recovery cost depends on the
 * signature, which depends on the channel ID, which depends on the out-points). Shared by
 * `npm run bench:ckb` (ckb-scripts/cycles.json) and the success cases of the tx tests, which
 * compare their cycles with the snapshot.
 */
export function lifecycle(
  n: number,
  withUdt: boolean,
  bytecode?: Uint8Array,
): { world: CkbWorld; txs: Record<TxKind, helpers.TransactionSkeletonType> } {
  const world = new CkbWorld(bytecode);
  const open = openTx(world, n, withUdt).built.skeleton;
  // abort: a channel funded by participant 0 only
  const half = opened(world, n, withUdt);
  commitFund(half, fundTx(half, 0));
  const abort = buildAbort({
    deployment: world.deployment,
    channel: half.channel!,
    fundsCells: half.funds,
    payoutLocks: half.payoutLocks,
    // only a participant may abort: participant 1 (who has not funded) pays the fee
    feePayer: { cells: [world.coins(10_000n, half.payoutLocks[1])], changeLock: world.script("change") },
  });
  // the main channel: everybody funds (the last deposit is the measured fund)
  const sc = opened(world, n, withUdt);
  for (let i = 0; i < n - 1; i++) commitFund(sc, fundTx(sc, i));
  const fund = fundTx(sc, n - 1);
  commitFund(sc, fund);
  const fin = nextState(sc, 9n, 20n, true);
  const close = buildClose({
    deployment: world.deployment,
    channel: sc.channel!,
    fundsCells: sc.funds,
    payoutLocks: sc.payoutLocks,
    feePayer: feePayer(world),
    state: fin,
    signatures: signAll(sc, fin),
  });
  const dispute = disputeTx(sc, nextState(sc, 3n, 5n));
  commitChannel(sc, dispute);
  const refute = disputeTx(sc, nextState(sc, 4n, 6n));
  commitChannel(sc, refute);
  const forceClose = buildForceClose({
    deployment: world.deployment,
    channel: sc.channel!,
    fundsCells: sc.funds,
    payoutLocks: sc.payoutLocks,
    feePayer: feePayer(world),
  });
  return { world, txs: { open, fund, abort, dispute, refute, close, forceClose } };
}

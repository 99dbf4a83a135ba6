import type { Cell, CellDep, Script } from "@ckb-lumos/base";
import { blockchain } from "@ckb-lumos/base";
import { bytes } from "@ckb-lumos/codec";
import { helpers } from "@ckb-lumos/lumos";
import { ChannelAction } from "./generated/perun";
import { CkbBuildError } from "./errors";
import type { CkbDeployment, FeePayer } from "./types";

export type Skeleton = helpers.TransactionSkeletonType;

export const DEFAULT_FEE = 100_000n;

export function hexCapacity(x: bigint): string {
  return "0x" + x.toString(16);
}

export function cellCapacity(c: Cell): bigint {
  return BigInt(c.cellOutput.capacity);
}

/** An output cell with exactly the capacity its lock, type and data occupy (+ `extra`). */
export function minimalCell(lock: Script, type: Script | undefined, data: string, extra = 0n): Cell {
  const cell: Cell = { cellOutput: { capacity: "0x0", lock, type }, data };
  cell.cellOutput.capacity = hexCapacity(helpers.minimalCellCapacity(cell) + extra);
  return cell;
}

export function occupied(cell: Cell): bigint {
  return helpers.minimalCellCapacity({ ...cell, cellOutput: { ...cell.cellOutput, capacity: "0x0" } });
}

/** The channel scripts' cell deps (ckb-js-vm, the bundle, channel-lock). */
export function scriptDeps(d: CkbDeployment): CellDep[] {
  return [d.jsVm.cellDep, d.channelType.cellDep, d.channelLock.cellDep];
}

/** WitnessArgs whose input_type is the ChannelAction (read by the channel type script). */
export function actionWitness(action: Parameters<typeof ChannelAction.pack>[0]): string {
  return bytes.hexify(blockchain.WitnessArgs.pack({ inputType: bytes.hexify(ChannelAction.pack(action)) }));
}

/**
 * A skeleton with the given inputs (witness per input, "0x" unless given), outputs and the
 * fee payer's cells plus change. The fee payer pays `fee` and any capacity the outputs need
 * beyond the other inputs; its change output takes the rest.
 */
export function assemble(
  d: CkbDeployment,
  inputs: { cell: Cell; witness?: string; since?: string }[],
  outputs: Cell[],
  feePayer: FeePayer,
): Skeleton {
  let skel = helpers.TransactionSkeleton({});
  skel = skel.update("cellDeps", (l) => l.push(...scriptDeps(d)));
  const all = [...inputs, ...feePayer.cells.map((cell) => ({ cell, witness: undefined, since: undefined }))];
  skel = skel.update("inputs", (l) => l.push(...all.map((i) => i.cell)));
  skel = skel.update("witnesses", (l) => l.push(...all.map((i) => i.witness ?? "0x")));
  all.forEach((i, k) => {
    if (i.since !== undefined) skel = skel.update("inputSinces", (m) => m.set(k, i.since!));
  });
  const fee = feePayer.fee ?? DEFAULT_FEE;
  const inCap = all.reduce((s, i) => s + cellCapacity(i.cell), 0n);
  const outCap = outputs.reduce((s, c) => s + cellCapacity(c), 0n);
  const change = minimalCell(feePayer.changeLock, undefined, "0x");
  const rest = inCap - outCap - fee;
  if (rest < cellCapacity(change)) {
    throw new CkbBuildError("fee payer cells do not cover the outputs, the fee and a change cell", {
      inputs: inCap,
      outputs: outCap,
      fee,
      changeMinimum: cellCapacity(change),
    });
  }
  change.cellOutput.capacity = hexCapacity(rest);
  skel = skel.update("outputs", (l) => l.push(...outputs, change));
  return skel;
}

import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import { bytes, number } from "@ckb-lumos/codec";
import { channelId, encodeParams, encodeState } from "../index";
import type { Params, State } from "../index";
import { ckbAssets } from "./ckbAssets";
import { channelLockScript, channelTypeScript } from "./scripts";
import { CkbBuildError } from "./errors";
import { actionWitness, assemble, cellCapacity, minimalCell, type Skeleton } from "./skeleton";
import { encodeChannelStatus } from "./status";
import type { ChannelCell, CkbDeployment, FeePayer } from "./types";

export function udtAmountOf(cell: Cell): bigint {
  return BigInt(number.Uint128LE.unpack(bytes.bytify(cell.data).slice(0, 16)).toString());
}

export function udtData(amount: bigint): string {
  return bytes.hexify(number.Uint128LE.pack(amount));
}

/**
 * The funder signs for exactly the channel it agreed to: the cell holds the expected params and
 * state, and its type and lock are this deployment's scripts for that channel ID (a cell under
 * another lock code, e.g. always-success, or another reference of the type is refused).
 */
function expectChannelCell(d: CkbDeployment, channel: ChannelCell, expected: { params: Params; state: State }): void {
  const st = channel.status;
  if (st.paramsBytes.toLowerCase() !== bytes.hexify(encodeParams(expected.params)))
    throw new CkbBuildError("the channel cell holds other params than the funder expects");
  if (st.stateBytes.toLowerCase() !== bytes.hexify(encodeState(expected.state)))
    throw new CkbBuildError("the channel cell holds another state than the funder expects", {
      stored: st.state,
      expected: expected.state,
    });
  const type = channelTypeScript(d, channelId(expected.params));
  const { lock, type: cellType } = channel.cell.cellOutput;
  if (cellType === undefined || utils.computeScriptHash(cellType) !== utils.computeScriptHash(type))
    throw new CkbBuildError("the channel cell's type script is not this deployment's for the channel", { type });
  if (utils.computeScriptHash(lock) !== utils.computeScriptHash(channelLockScript(d, type)))
    throw new CkbBuildError("the channel cell's lock is not this deployment's channel-lock", { lock });
}

/**
 * Fund: participant `index` deposits its initial balances into funds cells locked by the
 * channel's lock — one cell with its CKBytes (capacity = max(balance, occupied)) and one per
 * UDT (the UDT's type from `udtCells`, exactly its balance; change back to `udtChangeLock`).
 * The capacity deposited beyond the CKByte balance is recorded as its extras and refunded.
 * One of `feePayer.cells` or `udtCells` must be under the funder's own lock (the lock whose hash
 * is its ccAddress): that lock signing the transaction is the funder's consent to the stored
 * params and state, which the channel type script requires.
 */
export function buildFund(args: {
  deployment: CkbDeployment;
  channel: ChannelCell;
  /** The params and initial state the funder agreed to: the channel cell must hold exactly these. */
  expected: { params: Params; state: State };
  index: number;
  udtCells?: Cell[];
  udtChangeLock?: Script;
  feePayer: FeePayer;
}): Skeleton {
  const { deployment: d, channel, index, feePayer } = args;
  const st = channel.status;
  expectChannelCell(d, channel, args.expected);
  if (!Number.isInteger(index) || index < 0 || index >= st.funded.length)
    throw new CkbBuildError("no such participant", { index });
  if (st.funded[index]) throw new CkbBuildError("participant already funded", { index });
  // The channel type script demands an input under the funder's own lock (its consent to the
  // stored state): one of the fee payer's or UDT cells must be the funder's.
  const own = st.params.participants[index].ccAddress.toLowerCase();
  const spent = [...feePayer.cells, ...(args.udtCells ?? [])];
  if (!spent.some((c) => utils.computeScriptHash(c.cellOutput.lock) === own))
    throw new CkbBuildError("the deposit must spend a cell under the funder's own lock (its ccAddress)", {
      index,
      ccAddress: own,
    });
  const lock = channel.cell.cellOutput.lock;
  const assets = ckbAssets(st.state);
  const bal = st.state.outcome.balances;
  const outputs: Cell[] = [];
  const udtInputs = args.udtCells ?? [];
  let fundsCap = 0n;
  for (const [a, typeHash] of assets.udts) {
    const amount = bal[a][index];
    if (amount === 0n) continue;
    const mine = udtInputs.filter(
      (c) => c.cellOutput.type !== undefined && utils.computeScriptHash(c.cellOutput.type) === typeHash,
    );
    if (mine.length === 0)
      throw new CkbBuildError("no UDT cells given for an asset of the channel", { asset: a, typeHash });
    const have = mine.reduce((s, c) => s + udtAmountOf(c), 0n);
    if (have < amount) throw new CkbBuildError("UDT cells hold less than the balance", { asset: a, have, amount });
    const funds = minimalCell(lock, mine[0].cellOutput.type, udtData(amount));
    outputs.push(funds);
    fundsCap += cellCapacity(funds);
    if (have > amount) {
      if (args.udtChangeLock === undefined) throw new CkbBuildError("udtChangeLock needed for UDT change");
      outputs.push(minimalCell(args.udtChangeLock, mine[0].cellOutput.type, udtData(have - amount)));
    }
  }
  const ckbBalance = assets.ckb >= 0 ? bal[assets.ckb][index] : 0n;
  if (ckbBalance > 0n) {
    const cell = minimalCell(lock, undefined, "0x");
    if (cellCapacity(cell) < ckbBalance) cell.cellOutput.capacity = "0x" + ckbBalance.toString(16);
    outputs.unshift(cell);
    fundsCap += cellCapacity(cell);
  }
  if (fundsCap < ckbBalance) throw new CkbBuildError("internal: funds below balance");
  const funded = st.funded.slice();
  funded[index] = true;
  const extras = st.extras.slice();
  extras[index] = fundsCap - ckbBalance;
  const next: Cell = {
    cellOutput: { ...channel.cell.cellOutput },
    data: encodeChannelStatus({ params: st.params, state: st.state, funded, extras, disputed: st.disputed }),
  };
  return assemble(
    d,
    [
      { cell: channel.cell, witness: actionWitness({ type: "Fund", value: { index: bytes.hexify([index]) } }) },
      ...udtInputs.map((cell) => ({ cell })),
    ],
    [next, ...outputs],
    feePayer,
  );
}

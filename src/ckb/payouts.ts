import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import type { State } from "../index";
import { udtData } from "./buildFund";
import { ckbAssets } from "./ckbAssets";
import { CkbBuildError } from "./errors";
import { cellCapacity, minimalCell } from "./skeleton";
import type { ChannelCell } from "./types";

/**
 * The payout outputs the type script requires (see ckb-scripts/channel-type/payout.ts): per
 * participant owed anything, one cell per UDT it holds and one CKByte cell so that the
 * capacity of its cells is its extras + CKByte balance (+ the channel cell's capacity for
 * participant 0). If that is below a cell's minimum capacity, the cell gets the minimum and
 * the fee payer pays the difference. UDT types come from the funds cells.
 */
export function payoutOutputs(
  channel: ChannelCell,
  state: State,
  payoutLocks: Script[],
  fundsCells: Cell[],
  onlyFunded: boolean,
): Cell[] {
  const st = channel.status;
  const n = st.params.participants.length;
  if (payoutLocks.length !== n)
    throw new CkbBuildError("one payout lock per participant", { expected: n, got: payoutLocks.length });
  payoutLocks.forEach((lock, i) => {
    const want = st.params.participants[i].ccAddress.toLowerCase();
    if (utils.computeScriptHash(lock) !== want)
      throw new CkbBuildError("payout lock hash is not the participant's ccAddress", { index: i, want });
  });
  const udtType = new Map<string, Script>();
  for (const c of fundsCells)
    if (c.cellOutput.type) udtType.set(utils.computeScriptHash(c.cellOutput.type), c.cellOutput.type);
  const assets = ckbAssets(state);
  const bal = state.outcome.balances;
  const channelCap = cellCapacity(channel.cell);
  const outputs: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const owed = !onlyFunded || st.funded[i];
    let cap = i === 0 ? channelCap : 0n;
    if (owed) cap += st.extras[i] + (assets.ckb >= 0 ? bal[assets.ckb][i] : 0n);
    if (owed) {
      for (const [a, typeHash] of assets.udts) {
        if (bal[a][i] === 0n) continue;
        const type = udtType.get(typeHash);
        if (type === undefined) throw new CkbBuildError("no funds cell carries this UDT's type script", { typeHash });
        const cell = minimalCell(payoutLocks[i], type, udtData(bal[a][i]));
        outputs.push(cell);
        cap -= cellCapacity(cell);
      }
    }
    if (cap <= 0n) continue;
    const cell = minimalCell(payoutLocks[i], undefined, "0x");
    if (cellCapacity(cell) < cap) cell.cellOutput.capacity = "0x" + cap.toString(16);
    outputs.push(cell);
  }
  return outputs;
}

import type { Cell, Script } from "@ckb-lumos/base";
import { utils } from "@ckb-lumos/base";
import { helpers } from "@ckb-lumos/lumos";
import { readFileSync } from "node:fs";
import { channelLockBinary } from "../../ckb/bundle";
import { committedBytecode } from "../../ckb/compileBytecode";

/** The three script cells of a CKB deployment: ckb-js-vm, the channel-type bytecode, channel-lock. */
export interface ScriptCellPlan {
  name: "ckb-js-vm" | "channel-type" | "channel-lock";
  data: Uint8Array;
  /** Data hash = code hash for hash type data1/data2. */
  codeHash: string;
  hashType: "data1" | "data2";
  capacity: bigint;
}

export function scriptCellPlans(owner: Script): ScriptCellPlan[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_SCRIPT_CKB_JS_VM } = require("ckb-testtool");
  const entries: [ScriptCellPlan["name"], Uint8Array, "data1" | "data2"][] = [
    ["ckb-js-vm", new Uint8Array(readFileSync(DEFAULT_SCRIPT_CKB_JS_VM)), "data2"],
    ["channel-type", committedBytecode(), "data1"],
    ["channel-lock", channelLockBinary(), "data1"],
  ];
  return entries.map(([name, data, hashType]) => {
    const cell: Cell = { cellOutput: { capacity: "0x0", lock: owner }, data: "0x" + Buffer.from(data).toString("hex") };
    return { name, data, codeHash: utils.ckbHash(data), hashType, capacity: helpers.minimalCellCapacity(cell) };
  });
}

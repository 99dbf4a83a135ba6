import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { cellData, countCells } from "../common/chain";
import { fixVec, tableFields, u32 } from "../common/molecule";
import { mark, report } from "../common/trace";
import { fail, identity, readChannel, readStatus } from "./context";
import { open } from "./open";
import { abort, close, dispute, forceClose, fund } from "./transitions";

/**
 * The channel type script: the state machine of one Perun channel (open, fund, abort,
 * dispute, close, force-close). Its group holds at most one input and one output channel cell;
 * the action comes from WitnessArgs.input_type of the channel cell's input (a ChannelAction).
 */
const ACTION_FUND = 0;
const ACTION_ABORT = 1;
const ACTION_DISPUTE = 2;
const ACTION_CLOSE = 3;
const ACTION_FORCE_CLOSE = 4;

/** WitnessArgs.input_type of the group's input: the ChannelAction union (item id, body). */
function action(): { id: number; body: Uint8Array } {
  let w: Uint8Array;
  try {
    w = new Uint8Array(b.loadWitness(0, b.SOURCE_GROUP_INPUT));
  } catch {
    return fail(EXIT.MALFORMED_WITNESS);
  }
  const f = tableFields(w, 3);
  const inputType = f === null ? null : fixVec(f[1], 1);
  if (inputType === null || inputType.n < 8) return fail(EXIT.MALFORMED_WITNESS);
  const v = inputType.items;
  return { id: u32(v, 0), body: v.subarray(4) };
}

function main(): number {
  mark("loaded");
  const id = identity();
  const inputs = countCells(b.SOURCE_GROUP_INPUT);
  const outputs = countCells(b.SOURCE_GROUP_OUTPUT);
  if (inputs > 1 || outputs > 1) return EXIT.DUPLICATE_CHANNEL;
  if (inputs === 0) {
    open(id, cellData(0, b.SOURCE_GROUP_OUTPUT)!);
    return EXIT.OK;
  }
  const status = readStatus(cellData(0, b.SOURCE_GROUP_INPUT)!);
  mark("status");
  const channel = readChannel(status.paramsBytes);
  mark("params");
  const act = action();
  const terminal = act.id === ACTION_ABORT || act.id === ACTION_CLOSE || act.id === ACTION_FORCE_CLOSE;
  if (terminal && outputs !== 0) return EXIT.CHANNEL_NOT_CONSUMED;
  if (!terminal && outputs !== 1) return EXIT.CHANNEL_NOT_CONSUMED;
  switch (act.id) {
    case ACTION_FUND:
      fund(id, channel, status, act.body);
      break;
    case ACTION_ABORT:
      abort(id, channel, status);
      break;
    case ACTION_DISPUTE:
      dispute(id, channel, status, act.body);
      break;
    case ACTION_CLOSE:
      close(id, channel, status, act.body);
      break;
    case ACTION_FORCE_CLOSE:
      forceClose(id, channel, status);
      break;
    default:
      return EXIT.MALFORMED_WITNESS;
  }
  return EXIT.OK;
}

let code: number;
try {
  code = main();
} catch {
  code = EXIT.UNEXPECTED;
}
mark("end");
report();
b.exit(code);

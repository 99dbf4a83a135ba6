import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { JS_VM_ARGS_PREFIX, cellField, keccak256 } from "../common/chain";
import { bytesEqual, tableFields } from "../common/molecule";
import { assetKinds } from "./assets";
import { type Identity, fail, readChannel, readState, readStatus } from "./context";

const MAX_WINDOW = 1n << 56n;
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/**
 * Open: the transaction creates the channel cell (no channel input). Identity: the args'
 * channel ID must be keccak256(params) and params.nonce must be keccak256 of the first
 * input's out-point — an out-point is spent once, so no second cell with this channel ID can
 * ever be created (protects against a forged twin channel that could be funded or settled in
 * the real one's place). The initial status has nobody funded and no dispute.
 */
export function open(id: Identity, data: Uint8Array): void {
  const status = readStatus(data);
  if (!bytesEqual(keccak256(status.paramsBytes), id.id)) fail(EXIT.CHANNEL_ID_MISMATCH);
  const channel = readChannel(status.paramsBytes);
  const outPoint = new Uint8Array(b.loadInputByField(0, b.SOURCE_INPUT, b.INPUT_FIELD_OUT_POINT));
  // params = 0x20 ‖ challengeDuration ‖ nonce ‖ …: the decoder accepted it, so nonce is word 2.
  if (!bytesEqual(status.paramsBytes.subarray(64, 96), keccak256(outPoint))) fail(EXIT.NONCE_NOT_BOUND);

  const p = channel.params;
  if (p.app !== ZERO_ADDRESS || !p.ledgerChannel || p.virtualChannel) fail(EXIT.BAD_PARAMS);
  if (p.challengeDuration >= MAX_WINDOW) fail(EXIT.BAD_PARAMS);
  if (channel.n < 2 || channel.n > 255) fail(EXIT.BAD_PARAMS);
  for (let i = 0; i < channel.n; i++) {
    // Payouts are matched by lock hash, so two participants with one lock would share outputs;
    // one Ethereum key listed twice would sign for two participants (the library, the EVM and the
    // ICP canister refuse such params too: test/cross-chain/shapeAgreement.prop.test.ts).
    if (channel.cc[i].length !== 32) fail(EXIT.BAD_PARAMS);
    for (let k = 0; k < i; k++) {
      if (bytesEqual(channel.cc[k], channel.cc[i]) || bytesEqual(channel.eth[k], channel.eth[i])) fail(EXIT.BAD_PARAMS);
    }
  }

  const state = readState(status.stateBytes);
  assetKinds(state, channel.n);
  if (state.channelID !== hex32(id.id) || state.isFinal) fail(EXIT.BAD_INITIAL_STATUS);
  // Version 0, as upstream: a dispute may then register any signed state of the channel (the
  // first registration may repeat the stored version), so no opener can store a version that
  // freezes the deposits until it signs a close.
  if (state.version !== 0n) fail(EXIT.INITIAL_VERSION_NOT_ZERO);
  if (status.funded.length !== channel.n || status.extras.length !== channel.n || status.disputed !== 0) {
    fail(EXIT.BAD_INITIAL_STATUS);
  }
  for (let i = 0; i < channel.n; i++)
    if (status.funded[i] !== 0 || status.extras[i] !== 0n) fail(EXIT.BAD_INITIAL_STATUS);

  const lock = cellField(0, b.SOURCE_GROUP_OUTPUT, b.CELL_FIELD_LOCK);
  if (lock === null || !bytesEqual(lock, id.channelLock)) fail(EXIT.BAD_CHANNEL_LOCK);
  onlyCellWithId(id);
}

/**
 * No other output's type script carries this channel ID, under any reference (another
 * hash-type byte, build or lock in its args is another script group, so the group count alone
 * cannot see it). The nonce binds the ID to an out-point spent here, so this transaction is the
 * only one that can ever create a cell with this ID: after it, the identity is unique on chain
 * (protects every participant from a twin that takes deposits or states meant for the channel).
 */
function onlyCellWithId(id: Identity): void {
  for (let j = 0; ; j++) {
    const t = cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_TYPE);
    if (t === null) {
      if (cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_CAPACITY) === null) return;
      continue;
    }
    const f = tableFields(t, 3);
    // args: u32 length ‖ 0x0000 ‖ js code hash ‖ hash type ‖ channel_id ‖ …
    if (f === null || f[2].length < 4 + JS_VM_ARGS_PREFIX + 32) continue;
    const other = f[2].subarray(4 + JS_VM_ARGS_PREFIX, 4 + JS_VM_ARGS_PREFIX + 32);
    if (bytesEqual(other, id.id) && !bytesEqual(t, id.ownScript)) fail(EXIT.DUPLICATE_CHANNEL);
  }
}

/** Lowercase 0x-hex of 32 bytes (the decoder's spelling of a bytes32), natively. */
export function hex32(v: Uint8Array): string {
  return "0x" + b.hex.encode(v.slice(0, 32).buffer as ArrayBuffer);
}

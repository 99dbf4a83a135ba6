import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { cellField, ckbHash } from "../common/chain";
import { bytesEqual, tableFields } from "../common/molecule";
import { assetKinds, sameOutcomeShape } from "./assets";
import {
  capacity,
  inputLockedBy,
  inputLockedByAny,
  noFundsInputs,
  onlyChannelInTx,
  udtAmount,
  udtAsset,
} from "./cells";
import { type Channel, type Identity, type Status, fail, fullyFunded, packStatus, readState } from "./context";
import { hex32 } from "./open";
import { checkPayouts } from "./payout";
import { checkSignatures } from "./signatures";

const U64_MAX = (1n << 64n) - 1n;
/** since: relative (bit 63) + timestamp metric (bits 62–61 = 10), reserved bits zero. */
const SINCE_RELATIVE_TIMESTAMP = 0xc0;

/** The channel cell is re-created unchanged in capacity and lock, with exactly `next` as data. */
function sameCellWith(id: Identity, next: Status): void {
  if (capacity(0, b.SOURCE_GROUP_OUTPUT) !== capacity(0, b.SOURCE_GROUP_INPUT)) fail(EXIT.CAPACITY_CHANGED);
  const lock = cellField(0, b.SOURCE_GROUP_OUTPUT, b.CELL_FIELD_LOCK);
  if (lock === null || !bytesEqual(lock, id.channelLock)) fail(EXIT.BAD_CHANNEL_LOCK);
  // The node hashes the output data natively (CELL_FIELD_DATA_HASH): comparing hashes costs
  // ~0.1 M cycles where comparing ~1.7 kB in QuickJS cost ~1.5 M.
  const dataHash = cellField(0, b.SOURCE_GROUP_OUTPUT, b.CELL_FIELD_DATA_HASH);
  if (dataHash === null || !bytesEqual(dataHash, ckbHash(packStatus(next)))) fail(EXIT.BAD_NEW_STATUS);
}

function copyStatus(s: Status): Status {
  return {
    paramsBytes: s.paramsBytes,
    stateBytes: s.stateBytes,
    funded: s.funded.slice(),
    extras: s.extras.slice(),
    disputed: s.disputed,
  };
}

/**
 * Fund: participant `index`, with an input under its own lock (its consent), adds funds cells — outputs with
 * channel-lock — carrying at least its CKByte balance in capacity and exactly its UDT
 * balances; capacity beyond the balance is recorded as its extras and returned at the end.
 */
export function fund(id: Identity, channel: Channel, status: Status, body: Uint8Array): void {
  const f = tableFields(body, 1);
  if (f === null || f[0].length !== 1) return fail(EXIT.MALFORMED_WITNESS);
  const index = f[0][0];
  if (index >= channel.n || status.funded[index] !== 0) fail(EXIT.ALREADY_FUNDED);
  // The funder's own lock (its ccAddress) signs this transaction, which spends the channel cell
  // and so commits to the stored params and state: its deposit backs exactly what it agreed to
  // (protects each funder from a stored state it never agreed to, e.g. one no signed state can
  // register over). Cheap: a lock-hash scan, no signature recovery in this script.
  if (!inputLockedBy(channel.cc[index])) fail(EXIT.NO_FUNDER_CONSENT);
  noFundsInputs(id);
  const state = readState(status.stateBytes);
  const kinds = assetKinds(state, channel.n);
  let cap = 0n;
  const udt: bigint[] = [];
  for (let a = 0; a < kinds.kinds.length; a++) udt.push(0n);
  for (let j = 0; ; j++) {
    const lock = cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_LOCK);
    if (lock === null) break;
    if (!bytesEqual(lock, id.channelLock)) continue;
    const typeHash = cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_TYPE_HASH);
    if (typeHash !== null && bytesEqual(typeHash, id.ownHash)) continue; // the channel cell itself
    cap += capacity(j, b.SOURCE_OUTPUT);
    if (typeHash === null) continue;
    const a = udtAsset(kinds, typeHash);
    const amount = a < 0 ? null : udtAmount(j, b.SOURCE_OUTPUT);
    if (amount === null) fail(EXIT.WRONG_UDT);
    udt[a] += amount;
  }
  const ckbBalance = kinds.ckb >= 0 ? state.outcome.balances[kinds.ckb][index] : 0n;
  if (cap < ckbBalance) fail(EXIT.FUNDING_TOO_LOW);
  for (let a = 0; a < kinds.kinds.length; a++) {
    if (kinds.udt[a] !== null && udt[a] !== state.outcome.balances[a][index]) fail(EXIT.UDT_FUNDING_MISMATCH);
  }
  const extra = cap - ckbBalance;
  if (extra > U64_MAX) fail(EXIT.FUNDING_TOO_LOW);
  const next = copyStatus(status);
  next.funded[index] = 1;
  next.extras[index] = extra;
  sameCellWith(id, next);
}

/**
 * Abort: while not every participant funded, refund who did. Only a participant may submit it
 * (an input under its own lock, its ccAddress): otherwise anyone could kill every channel while
 * it is being funded, and a cross-chain channel's other legs would wait out a dispute window.
 */
export function abort(id: Identity, channel: Channel, status: Status): void {
  if (fullyFunded(status)) fail(EXIT.FULLY_FUNDED);
  if (!inputLockedByAny(channel.cc)) fail(EXIT.ABORT_NOT_BY_PARTICIPANT);
  onlyChannelInTx();
  const state = readState(status.stateBytes);
  checkPayouts(channel, status, state, assetKinds(state, channel.n), true);
}

/** The state in a Dispute/Close body, decoded, belonging to this channel and signed by all. */
function signedState(id: Identity, channel: Channel, status: Status, body: Uint8Array) {
  const f = tableFields(body, 2);
  if (f === null || f[0].length < 4) return fail(EXIT.MALFORMED_WITNESS);
  const stateBytes = f[0].subarray(4);
  if (stateBytes.length !== (f[0][0] | (f[0][1] << 8) | (f[0][2] << 16) | (f[0][3] << 24)))
    fail(EXIT.MALFORMED_WITNESS);
  if (!fullyFunded(status)) fail(EXIT.NOT_FULLY_FUNDED);
  const next = readState(stateBytes);
  if (next.channelID !== hex32(id.id)) fail(EXIT.STATE_CHANNEL_ID);
  const current = readState(status.stateBytes);
  const kinds = assetKinds(current, channel.n);
  sameOutcomeShape(current, next, kinds);
  return { stateBytes, next, current, kinds, sigs: f[1] };
}

/**
 * Dispute: register, or refute with, a state signed by every participant. A refutation
 * (channel already disputed) needs a strictly higher version; the first registration may
 * repeat the stored initial state's version. The new channel cell restarts the relative
 * `since` clock, so a refutation restarts the challenge window (README: never shorter).
 */
export function dispute(id: Identity, channel: Channel, status: Status, body: Uint8Array): void {
  const s = signedState(id, channel, status, body);
  const fresh = status.disputed === 1 ? s.next.version > s.current.version : s.next.version >= s.current.version;
  if (!fresh) fail(EXIT.STALE_VERSION);
  noFundsInputs(id);
  checkSignatures(channel, s.stateBytes, s.sigs);
  const next = copyStatus(status);
  next.stateBytes = s.stateBytes;
  next.disputed = 1;
  sameCellWith(id, next);
}

/** Close: a final state signed by every participant pays out at once. */
export function close(id: Identity, channel: Channel, status: Status, body: Uint8Array): void {
  const s = signedState(id, channel, status, body);
  if (!s.next.isFinal) fail(EXIT.NOT_FINAL);
  onlyChannelInTx();
  checkSignatures(channel, s.stateBytes, s.sigs);
  checkPayouts(channel, status, s.next, s.kinds, false);
}

/**
 * ForceClose: after a dispute, once the channel input is at least challengeDuration seconds
 * old (relative timestamp `since`, enforced by consensus; the submitter cannot shorten it),
 * the registered state pays out.
 */
export function forceClose(id: Identity, channel: Channel, status: Status): void {
  if (status.disputed !== 1) fail(EXIT.NOT_DISPUTED);
  const since = new Uint8Array(b.loadInputByField(0, b.SOURCE_GROUP_INPUT, b.INPUT_FIELD_SINCE));
  let value = 0n;
  for (let i = 6; i >= 0; i--) value = (value << 8n) | BigInt(since[i]);
  if (since[7] !== SINCE_RELATIVE_TIMESTAMP || value < channel.params.challengeDuration) fail(EXIT.WINDOW_NOT_OVER);
  onlyChannelInTx();
  const state = readState(status.stateBytes);
  checkPayouts(channel, status, state, assetKinds(state, channel.n), false);
}

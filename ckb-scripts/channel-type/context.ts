import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { decodeParams } from "../../src/encoding/decodeParams";
import { decodeState } from "../../src/encoding/decodeState";
import type { Params, State } from "../../src/encoding/types";
import { JS_VM_ARGS_PREFIX, hexBytes } from "../common/chain";
import {
  bytesEqual,
  fixVec,
  moleculeBytes,
  packBytes,
  packScript,
  packTable,
  tableFields,
  u64Bytes,
  uintLE,
} from "../common/molecule";

/** Exits the script with `code` (never returns). */
export function fail(code: number): never {
  b.exit(code);
  throw new Error("unreachable");
}

/** The script's identity: its args and the lock every channel/funds cell must carry. */
export interface Identity {
  /** channel ID (32 bytes) from the args. */
  id: Uint8Array;
  /** This type script's hash (the channel-lock args). */
  ownHash: Uint8Array;
  /** The whole Script of this type script (molecule). */
  ownScript: Uint8Array;
  /** molecule Script bytes of channel-lock(args = ownHash). */
  channelLock: Uint8Array;
}

/** data1 hash of the channel-lock binary (scripts/ckb/bundle.ts compiles it in). */
declare const __CHANNEL_LOCK_CODE_HASH__: string;
/** Script hash type byte of `data1`, the deployed channel-lock's hash type. */
const HASH_TYPE_DATA1 = 2;

export function identity(): Identity {
  const script = new Uint8Array(b.loadScript());
  const f = tableFields(script, 3);
  const args = f === null ? null : moleculeBytes(f[2]);
  if (args === null || args.length !== JS_VM_ARGS_PREFIX + 65) fail(EXIT.BAD_ARGS);
  const own = args.subarray(JS_VM_ARGS_PREFIX);
  // The lock of the channel cell and of every funds cell is the deployed channel-lock, whatever
  // the args say (protects every funder from depositing under a lock anyone can open).
  if (own[64] !== HASH_TYPE_DATA1 || !bytesEqual(own.subarray(32, 64), hexBytes(__CHANNEL_LOCK_CODE_HASH__)))
    fail(EXIT.FOREIGN_LOCK_CODE);
  const ownHash = new Uint8Array(b.loadScriptHash());
  return {
    id: own.subarray(0, 32),
    ownHash,
    ownScript: script,
    channelLock: packScript(own.subarray(32, 64), own[64], ownHash),
  };
}

/** The decoded channel params with the byte views the checks need. */
export interface Channel {
  paramsBytes: Uint8Array;
  params: Params;
  n: number;
  /** 20-byte signer address per participant. */
  eth: Uint8Array[];
  /** ccAddress per participant (32-byte payout lock hash, checked at open). */
  cc: Uint8Array[];
}

export function readChannel(paramsBytes: Uint8Array): Channel {
  let params: Params;
  try {
    params = decodeParams(paramsBytes);
  } catch {
    return fail(EXIT.MALFORMED_PARAMS);
  }
  const eth: Uint8Array[] = [];
  const cc: Uint8Array[] = [];
  for (const p of params.participants) {
    eth.push(hexBytes(p.ethAddress));
    cc.push(hexBytes(p.ccAddress));
  }
  return { paramsBytes, params, n: params.participants.length, eth, cc };
}

export function readState(stateBytes: Uint8Array): State {
  try {
    return decodeState(stateBytes);
  } catch {
    return fail(EXIT.MALFORMED_STATE);
  }
}

/** Decoded ChannelStatus (cell data). */
export interface Status {
  paramsBytes: Uint8Array;
  stateBytes: Uint8Array;
  funded: Uint8Array;
  extras: bigint[];
  disputed: number;
}

export function readStatus(data: Uint8Array): Status {
  const f = tableFields(data, 5);
  if (f === null) return fail(EXIT.MALFORMED_DATA);
  const paramsBytes = moleculeBytes(f[0]);
  const stateBytes = moleculeBytes(f[1]);
  const funded = moleculeBytes(f[2]);
  const extras = fixVec(f[3], 8);
  if (paramsBytes === null || stateBytes === null || funded === null || extras === null || f[4].length !== 1) {
    return fail(EXIT.MALFORMED_DATA);
  }
  const ex: bigint[] = [];
  for (let i = 0; i < extras.n; i++) ex.push(uintLE(extras.items, 8 * i, 8));
  return { paramsBytes, stateBytes, funded, extras: ex, disputed: f[4][0] };
}

export function packStatus(s: Status): Uint8Array {
  const extras = new Uint8Array(4 + 8 * s.extras.length);
  extras[0] = s.extras.length & 0xff;
  extras[1] = (s.extras.length >>> 8) & 0xff;
  for (let i = 0; i < s.extras.length; i++) extras.set(u64Bytes(s.extras[i]), 4 + 8 * i);
  return packTable([
    packBytes(s.paramsBytes),
    packBytes(s.stateBytes),
    packBytes(s.funded),
    extras,
    new Uint8Array([s.disputed]),
  ]);
}

export function fullyFunded(s: Status): boolean {
  for (let i = 0; i < s.funded.length; i++) if (s.funded[i] !== 1) return false;
  return true;
}

export { bytesEqual };

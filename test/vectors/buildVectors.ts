import type { Address, Hex, Params, Participant, State, WithdrawalAuth } from "../../src";
import { buildIcpVectors } from "./buildIcpVectors";
import {
  BACKEND_CKB,
  BACKEND_ETH,
  BACKEND_ICP,
  PerunError,
  addressFromPrivateKey,
  channelId,
  encodeParams,
  encodeState,
  encodeWithdrawalAuth,
  fundingId,
  hashState,
  keccak256,
  recoverDataSigner,
  signData,
  signState,
  signWithdrawalAuth,
  decodeState,
  decodeParams,
} from "../../src";

import { buildSecurityVectors } from "./buildSecurityVectors";
import { buildCkbVectors } from "./buildCkbVectors";
import { buildPolicyVectors } from "./buildPolicyVectors";

/**
 * Builds the committed cross-implementation vectors in test/vectors/*.json from the
 * library alone. Deterministic: fixed keys, pseudo-random values derived from keccak of
 * fixed labels, RFC 6979 signatures. `npm run gen:vectors` writes the result;
 * test/encoding/vectors.test.ts rebuilds it in memory and fails when the files are stale.
 *
 * JSON conventions: integers are decimal strings (uint256 does not fit a JSON number),
 * bytes/addresses lowercase 0x-hex, booleans JSON booleans.
 */

export const KEY_A = `0x${"11".repeat(32)}` as Hex;
export const KEY_B = `0x${"22".repeat(32)}` as Hex;
const ZERO32 = `0x${"00".repeat(32)}` as Hex;
const ZERO_ADDRESS = `0x${"00".repeat(20)}` as Address;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** `n` deterministic bytes for `label`. */
function det(label: string, n: number): Hex {
  let out = "";
  for (let i = 0; out.length < 2 * n; i++) out += keccak256(utf8(`${label}/${i}`)).slice(2);
  return `0x${out.slice(0, 2 * n)}` as Hex;
}
function utf8(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
function detUint(label: string, bytes: number): bigint {
  return BigInt(det(label, bytes));
}
/** Deterministic private key number i (keccak of a label, always in range for these labels). */
export function vectorKey(i: number): Hex {
  return det(`perun-adjudicators/vector-key/${i}`, 32);
}
function hex(bytes: Uint8Array): Hex {
  let s = "0x";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s as Hex;
}

/** JSON form: bigints as decimal strings. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

function party(key: Hex, ccAddress: Hex = ZERO32): Participant {
  return { ethAddress: addressFromPrivateKey(key), ccAddress };
}

function paramsCases(): { name: string; keys: Hex[]; params: Params }[] {
  const keysTen = Array.from({ length: 10 }, (_, i) => vectorKey(i));
  const ccLengths = [0, 1, 20, 31, 32, 33, 64, 65, 2, 100];
  return [
    {
      name: "design-known-good",
      keys: [KEY_A, KEY_B],
      params: {
        challengeDuration: 60n,
        nonce: 1n,
        participants: [party(KEY_A), party(KEY_B)],
        app: ZERO_ADDRESS,
        ledgerChannel: true,
        virtualChannel: false,
      },
    },
    {
      name: "ten-participants-varied-ccAddress",
      keys: keysTen,
      params: {
        challengeDuration: 86400n,
        nonce: detUint("nonce/ten", 32),
        participants: keysTen.map((k, i) => party(k, det(`cc/${i}`, ccLengths[i]))),
        app: ZERO_ADDRESS,
        ledgerChannel: true,
        virtualChannel: false,
      },
    },
    {
      name: "max-uint256-app-channel-virtual",
      keys: [KEY_A, KEY_B],
      params: {
        challengeDuration: MAX_UINT256,
        nonce: MAX_UINT256,
        participants: [party(KEY_A, "0x"), party(KEY_B, "0x")],
        app: det("app", 20),
        ledgerChannel: false,
        virtualChannel: true,
      },
    },
    {
      name: "single-participant",
      keys: [KEY_A],
      params: {
        challengeDuration: 0n,
        nonce: 0n,
        participants: [party(KEY_A, "0x")],
        app: ZERO_ADDRESS,
        ledgerChannel: true,
        virtualChannel: false,
      },
    },
  ];
}

function stateCases(): { name: string; keys: Hex[]; state: State }[] {
  const cases = paramsCases();
  const known = cases[0];
  const ten = cases[1];
  const cid = channelId(known.params);
  const udtTypeHash = det("ckb/udt-type-hash", 32);
  const icrcLedger = "0x0000000001000101" as Hex; // principal bytes of an ICRC-1 ledger canister
  const fourKeys = [KEY_A, KEY_B, vectorKey(100), vectorKey(101)];
  return [
    {
      name: "design-known-good",
      keys: known.keys,
      state: {
        channelID: cid,
        version: 0n,
        outcome: {
          assets: [{ chainID: 1337n, ethHolder: `0x${"ab".repeat(20)}` as Address, ccHolder: ZERO32 }],
          backends: [BACKEND_ETH],
          balances: [[100n, 200n]],
          locked: [],
        },
        appData: "0x",
        isFinal: false,
      },
    },
    {
      name: "ten-participants",
      keys: ten.keys,
      state: {
        channelID: channelId(ten.params),
        version: 7n,
        outcome: {
          assets: [{ chainID: 1n, ethHolder: det("holder/eth", 20), ccHolder: "0x" }],
          backends: [BACKEND_ETH],
          balances: [ten.keys.map((_, i) => detUint(`bal/ten/${i}`, 12))],
          locked: [],
        },
        appData: "0x",
        isFinal: true,
      },
    },
    {
      name: "four-parties-all-backends-with-suballoc",
      keys: fourKeys,
      state: {
        channelID: det("cid/multi", 32),
        version: 1000n,
        outcome: {
          assets: [
            { chainID: 1337n, ethHolder: det("holder/eth", 20), ccHolder: "0x" },
            { chainID: 1337n, ethHolder: det("holder/erc20", 20), ccHolder: ZERO32 },
            { chainID: BACKEND_ICP, ethHolder: ZERO_ADDRESS, ccHolder: icrcLedger },
            { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: "0x" },
            { chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: udtTypeHash },
          ],
          backends: [BACKEND_ETH, BACKEND_ETH, BACKEND_ICP, BACKEND_CKB, BACKEND_CKB],
          balances: [0, 1, 2, 3, 4].map((a) => fourKeys.map((_, p) => detUint(`bal/multi/${a}/${p}`, 10))),
          locked: [
            { ID: det("sub/0", 32), balances: [5n, 6n, 7n, 8n, 9n], indexMap: [0n, 2n] },
            { ID: det("sub/1", 32), balances: [0n, 0n, 1n, 0n, 0n], indexMap: [3n, 1n, 0n, 65535n] },
          ],
        },
        appData: "0x",
        isFinal: false,
      },
    },
    {
      name: "odd-length-app-data-and-max-values",
      keys: known.keys,
      state: {
        channelID: cid,
        version: MAX_UINT64,
        outcome: {
          assets: [{ chainID: MAX_UINT256, ethHolder: det("holder/max", 20), ccHolder: det("cc/odd", 33) }],
          backends: [MAX_UINT256],
          balances: [[MAX_UINT256, 0n]],
          locked: [{ ID: `0x${"ff".repeat(32)}` as Hex, balances: [MAX_UINT256], indexMap: [65535n, 0n] }],
        },
        appData: det("appdata/odd", 33),
        isFinal: true,
      },
    },
    {
      name: "one-byte-app-data",
      keys: known.keys,
      state: {
        channelID: cid,
        version: 1n,
        outcome: { assets: [], backends: [], balances: [], locked: [] },
        appData: "0x01",
        isFinal: false,
      },
    },
    {
      name: "empty-outcome-empty-app-data",
      keys: known.keys,
      state: {
        channelID: ZERO32,
        version: 0n,
        outcome: { assets: [], backends: [], balances: [], locked: [] },
        appData: "0x",
        isFinal: false,
      },
    },
  ];
}

function word(x: bigint): string {
  return x.toString(16).padStart(64, "0");
}

/** Signature policy vectors over fixed data: each accepted or rejected with a named error. */
function signatureCases(): unknown[] {
  const data = hex(encodeState(stateCases()[0].state));
  const valid = signData(data, KEY_A);
  const r = BigInt(`0x${valid.slice(2, 66)}`);
  const s = BigInt(`0x${valid.slice(66, 130)}`);
  const v = parseInt(valid.slice(130), 16);
  const make = (rr: bigint, ss: bigint, vv: number) =>
    `0x${word(rr)}${word(ss)}${vv.toString(16).padStart(2, "0")}` as Hex;
  const rows: { name: string; signature: Hex; expectedSigner: Address }[] = [
    { name: "valid-by-A", signature: valid, expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "valid-by-B", signature: signData(data, KEY_B), expectedSigner: addressFromPrivateKey(KEY_B) },
    { name: "wrong-signer", signature: signData(data, KEY_B), expectedSigner: addressFromPrivateKey(KEY_A) },
    {
      name: "high-s-twin",
      signature: make(r, N - s, v === 27 ? 28 : 27),
      expectedSigner: addressFromPrivateKey(KEY_A),
    },
    { name: "s-equals-n", signature: make(r, N, v), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "v-0", signature: make(r, s, v - 27), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "v-29", signature: make(r, s, 29), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "compact-64-bytes", signature: valid.slice(0, 130) as Hex, expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "66-bytes", signature: `${valid}00` as Hex, expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "r-zero", signature: make(0n, s, v), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "s-zero", signature: make(r, 0n, v), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "r-equals-n", signature: make(N, s, v), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "r-max", signature: make(MAX_UINT256, s, v), expectedSigner: addressFromPrivateKey(KEY_A) },
    { name: "r-not-on-curve", signature: make(5n, s, v), expectedSigner: addressFromPrivateKey(KEY_A) },
  ];
  return rows.map((row) => {
    let outcome: Record<string, unknown>;
    try {
      const signer = recoverDataSigner(data, row.signature);
      outcome =
        signer === row.expectedSigner
          ? { accept: true, recovered: signer }
          : { accept: false, error: "SignatureSignerMismatchError", recovered: signer };
    } catch (e) {
      if (!(e instanceof PerunError)) throw e;
      outcome = { accept: false, error: e.name };
    }
    return { name: row.name, data, signature: row.signature, expectedSigner: row.expectedSigner, ...outcome };
  });
}

/** Non-canonical encodings of the known-good state and the error each must be rejected with. */
function decodeRejectCases(): unknown[] {
  const good = encodeState(stateCases()[0].state);
  const edit = (f: (b: Uint8Array) => void) => {
    const b = good.slice();
    f(b);
    return b;
  };
  const grow = (extra: number) => {
    const b = new Uint8Array(good.length + extra);
    b.set(good);
    return b;
  };
  const rows: [string, Uint8Array][] = [
    ["truncated-by-one-byte", good.subarray(0, good.length - 1)],
    ["trailing-zero-word", grow(32)],
    ["top-offset-0x40", edit((b) => (b[31] = 0x40))],
    ["outcome-offset-moved", edit((b) => (b[96 + 31] = 0xc0))],
    ["version-above-uint64", edit((b) => (b[64 + 23] = 1))],
    ["eth-holder-high-bits", edit((b) => (b[416] = 1))],
    ["is-final-2", edit((b) => (b[160 + 31] = 2))],
    ["assets-length-2^32-1", edit((b) => b.set([0xff, 0xff, 0xff, 0xff], 320 + 28))],
  ];
  return rows.map(([name, bytes]) => {
    try {
      decodeState(bytes);
      throw new Error(`decode-reject vector ${name} was accepted`);
    } catch (e) {
      if (!(e instanceof PerunError)) throw e;
      return { name, encoding: hex(bytes), error: e.name };
    }
  });
}

/** All vector files, by file name. */
export function buildVectors(): Record<string, unknown> {
  const params = paramsCases().map(({ name, params }) => {
    const encoding = encodeParams(params);
    decodeParams(encoding); // every vector is a canonical encoding
    return toJson({ name, params, encoding: hex(encoding), channelID: channelId(params) });
  });
  const states = stateCases().map(({ name, keys, state }) => ({
    ...(toJson({ name, state, encoding: hex(encodeState(state)), stateHash: hashState(state) }) as object),
    signatures: keys.map((key) => ({
      signer: addressFromPrivateKey(key),
      privateKey: key,
      signature: signState(state, key),
    })),
  }));
  const known = stateCases()[0].state;
  const auths: WithdrawalAuth[] = [
    {
      channelID: known.channelID,
      participant: { ethAddress: addressFromPrivateKey(KEY_A), ccAddress: ZERO32 },
      receiver: det("receiver", 20),
      amount: 100n,
    },
    {
      channelID: det("cid/auth", 32),
      participant: { ethAddress: addressFromPrivateKey(KEY_B), ccAddress: "0x" },
      receiver: addressFromPrivateKey(KEY_B),
      amount: MAX_UINT256,
    },
  ];
  const authKeys = [KEY_A, KEY_B];
  const withdrawals = auths.map((auth, i) => ({
    ...(toJson({ auth, encoding: hex(encodeWithdrawalAuth(auth)) }) as object),
    signer: addressFromPrivateKey(authKeys[i]),
    signature: signWithdrawalAuth(auth, authKeys[i]),
  }));
  const funding = [KEY_A, KEY_B].map((key) => {
    const participant = addressFromPrivateKey(key);
    return { channelID: known.channelID, participant, fundingID: fundingId(known.channelID, participant) };
  });
  const header = (description: string) => ({
    description,
    generator: "npm run gen:vectors (test/vectors/buildVectors.ts); do not edit by hand",
    conventions:
      'integers are decimal strings; bytes and addresses lowercase 0x-hex; signatures are 65-byte r||s||v over keccak256("\\x19Ethereum Signed Message:\\n32" || keccak256(encoding))',
  });
  return {
    "params.json": { ...header("abi.encode(Params) and channelID = keccak256 of it"), vectors: params },
    "states.json": {
      ...header("abi.encode(State), stateHash = keccak256 of it, and each participant's signature"),
      vectors: states,
    },
    "withdrawal-auths.json": {
      ...header("abi.encode(WithdrawalAuth) (EVM) and the participant's signature"),
      vectors: withdrawals,
    },
    "funding-ids.json": {
      ...header("fundingID = keccak256(abi.encode(bytes32 channelID, address participant))"),
      vectors: funding,
    },
    "signatures.json": {
      ...header(
        "signature acceptance policy (DESIGN.md section 2): accept with the recovered signer, or reject with the library's error class name",
      ),
      vectors: signatureCases(),
    },
    "decode-rejects.json": {
      ...header("non-canonical State encodings every strict decoder must reject, with the library's error class name"),
      vectors: decodeRejectCases(),
    },
    ...buildIcpVectors(),
    ...buildSecurityVectors(header),
    ...buildCkbVectors(header),
    ...buildPolicyVectors(header),
  };
}

/** Exact file contents (2-space JSON plus a final newline). */
export function renderVectors(): Record<string, string> {
  const files = buildVectors();
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) out[name] = `${JSON.stringify(content, null, 2)}\n`;
  return out;
}

import { addressFromPrivateKey } from "../../../src/encoding/addressFromPrivateKey";
import { channelId } from "../../../src/encoding/channelId";
import { fundingId } from "../../../src/encoding/fundingId";
import { signState } from "../../../src/encoding/signState";
import { BACKEND_ETH, BACKEND_ICP } from "../../../src/encoding/backends";
import { bytesToHex, hexToBytes } from "../../../src/encoding/internal/hex";
import type { Hex, Params, State } from "../../../src/encoding/types";
import type { CandidParams, CandidState } from "../../../canisters/adjudicator/src/logic/types";

/** Principal bytes used across the ICP tests (ryjl3-tyaaa-aaaaa-aaaba-cai, the ICP ledger's ID; and a second ledger). */
export const LEDGER = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 2, 1, 1]);
export const LEDGER_B = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 7, 1, 1]);
/** The adjudicator canister's principal in the tests (bkyz2-fmaaa-aaaaa-qaaaq-cai). */
export const CANISTER = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);

export const KEYS: Hex[] = ["11", "22", "33", "44", "55", "66"].map((b) => ("0x" + b.repeat(32)) as Hex);
/** Participant i's test key: KEYS for the first six, then distinct fixed keys (for channels at the participant bound). */
export function testKey(i: number): Hex {
  return i < KEYS.length ? KEYS[i] : (("0x" + "7".repeat(56) + (i + 1).toString(16).padStart(8, "0")) as Hex);
}
/** Self-authenticating-like principals for the users (29 bytes, distinct per index). */
export function userPrincipal(i: number): Uint8Array {
  const p = new Uint8Array(29);
  p[0] = 0x10 + i;
  p[28] = 0x02;
  return p;
}

export interface TestChannel {
  keys: Hex[];
  params: Params;
  candidParams: CandidParams;
  id: Hex;
  fundingIDs: Uint8Array[];
}

export function makeChannel(
  n: number,
  opts: { challengeDuration?: bigint; nonce?: bigint; keys?: Hex[] } = {},
): TestChannel {
  const keys = opts.keys ?? Array.from({ length: n }, (_, i) => testKey(i));
  const params: Params = {
    challengeDuration: opts.challengeDuration ?? 60n,
    nonce: opts.nonce ?? 1n,
    participants: keys.map((k) => ({ ethAddress: addressFromPrivateKey(k), ccAddress: "0x" })),
    app: "0x0000000000000000000000000000000000000000",
    ledgerChannel: true,
    virtualChannel: false,
  };
  const id = channelId(params);
  return {
    keys,
    params,
    candidParams: toCandidParams(params),
    id,
    fundingIDs: params.participants.map((p) => hexToBytes(fundingId(id, p.ethAddress), "fid")),
  };
}

/** An ICP asset on `ledger` (DESIGN "Assets across chains"). */
export function icpAsset(ledger: Uint8Array = LEDGER) {
  return {
    chainID: BACKEND_ICP,
    ethHolder: "0x0000000000000000000000000000000000000000" as Hex,
    ccHolder: bytesToHex(ledger),
  };
}

/** An EVM asset the canister must ignore. */
export function evmAsset() {
  return { chainID: 1337n, ethHolder: ("0x" + "ab".repeat(20)) as Hex, ccHolder: "0x" as Hex };
}

/** A state of `ch` paying `balances` on LEDGER (one row per ICP ledger in `ledgers`). */
export function makeState(
  ch: TestChannel,
  version: bigint,
  balances: bigint[][],
  opts: { isFinal?: boolean; ledgers?: Uint8Array[]; extraEvm?: boolean } = {},
): State {
  const ledgers = opts.ledgers ?? [LEDGER];
  const assets = ledgers.map((l) => icpAsset(l));
  const backends = ledgers.map(() => BACKEND_ICP);
  const rows = balances.slice();
  if (opts.extraEvm) {
    assets.push(evmAsset());
    backends.push(BACKEND_ETH);
    rows.push(ch.keys.map(() => 1000n));
  }
  return {
    channelID: ch.id,
    version,
    outcome: { assets, backends, balances: rows, locked: [] },
    appData: "0x",
    isFinal: opts.isFinal ?? false,
  };
}

export function signAll(ch: TestChannel, state: State): Uint8Array[] {
  return ch.keys.map((k) => hexToBytes(signState(state, k), "sig"));
}

export function toCandidParams(p: Params): CandidParams {
  return {
    challengeDuration: p.challengeDuration,
    nonce: p.nonce,
    participants: p.participants.map((x) => ({
      ethAddress: hexToBytes(x.ethAddress, "a"),
      ccAddress: hexToBytes(x.ccAddress, "c"),
    })),
    app: hexToBytes(p.app, "app"),
    ledgerChannel: p.ledgerChannel,
    virtualChannel: p.virtualChannel,
  };
}

export function toCandidState(s: State): CandidState {
  return {
    channelID: hexToBytes(s.channelID, "id"),
    version: s.version,
    outcome: {
      assets: s.outcome.assets.map((a) => ({
        chainID: a.chainID,
        ethHolder: hexToBytes(a.ethHolder, "e"),
        ccHolder: hexToBytes(a.ccHolder, "c"),
      })),
      backends: s.outcome.backends,
      balances: s.outcome.balances,
      locked: s.outcome.locked.map((l) => ({
        ID: hexToBytes(l.ID, "id"),
        balances: l.balances,
        indexMap: l.indexMap.map(Number),
      })),
    },
    appData: hexToBytes(s.appData, "d"),
    isFinal: s.isFinal,
  };
}

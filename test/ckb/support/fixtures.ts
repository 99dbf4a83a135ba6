import type { Cell, Script } from "@ckb-lumos/base";
import { BACKEND_CKB, BACKEND_ETH } from "../../../src/encoding/backends";
import { addressFromPrivateKey } from "../../../src/encoding/addressFromPrivateKey";
import { channelId } from "../../../src/encoding/channelId";
import { signState } from "../../../src/encoding/signState";
import type { Hex, Params, State } from "../../../src/encoding/types";
import {
  type CkbDeployment,
  buildDispute,
  buildFund,
  buildOpen,
  channelNonce,
  readChannelStatus,
  type ChannelCell,
  type FeePayer,
} from "../../../src/ckb";
import { udtData } from "../../../src/ckb/buildFund";
import { CkbWorld } from "../../../scripts/lib/ckb/world";

export const CKB = 100_000_000n;
export const KEYS: Hex[] = ["0x" + "11".repeat(32), "0x" + "22".repeat(32), "0x" + "33".repeat(32)] as Hex[];
const ZERO = "0x0000000000000000000000000000000000000000" as Hex;

export interface Scenario {
  world: CkbWorld;
  /** The script cells the channel's type and lock reference (unset: the world's; a test may deploy another). */
  deployment?: CkbDeployment;
  n: number;
  params: Params;
  /** Initial state (version 0). */
  state0: State;
  payoutLocks: Script[];
  udtType?: Script;
  /** Per participant a UDT cell it can fund from. */
  udtCells: Cell[];
  channel?: ChannelCell;
  funds: Cell[];
}

export function feePayer(world: CkbWorld, ckb = 10_000n): FeePayer {
  return { cells: [world.coins(ckb)], changeLock: world.script("change") };
}

/** Another deployment's scripts, or the participants' payout locks of another channel (same parties). */
export interface ScenarioOptions {
  deployment?: CkbDeployment;
  payoutLocks?: Script[];
}

/** A channel's params and initial state: CKBytes (and optionally one UDT) plus an ignored EVM asset. */
export function scenario(
  world: CkbWorld,
  n: number,
  withUdt: boolean,
  opener: Cell,
  opts: ScenarioOptions = {},
): Scenario {
  const payoutLocks = opts.payoutLocks ?? Array.from({ length: n }, (_, i) => world.script(`payout${i}`));
  const params: Params = {
    challengeDuration: 3600n,
    nonce: channelNonce(opener.outPoint!),
    participants: payoutLocks.map((l, i) => ({
      ethAddress: addressFromPrivateKey(KEYS[i]),
      ccAddress: world.hash(l) as Hex,
    })),
    app: ZERO,
    ledgerChannel: true,
    virtualChannel: false,
  };
  const id = channelId(params);
  const udtType = withUdt ? world.script("udt") : undefined;
  const assets = [{ chainID: BACKEND_CKB, ethHolder: ZERO, ccHolder: "0x" as Hex }];
  const backends = [BACKEND_CKB];
  const balances = [Array.from({ length: n }, (_, i) => BigInt(100 + 50 * i) * CKB)];
  if (udtType) {
    assets.push({ chainID: BACKEND_CKB, ethHolder: ZERO, ccHolder: world.hash(udtType) as Hex });
    backends.push(BACKEND_CKB);
    balances.push(Array.from({ length: n }, (_, i) => BigInt(1000 + i)));
  }
  // An EVM asset the CKB scripts must ignore.
  assets.push({ chainID: 1337n, ethHolder: ("0x" + "ab".repeat(20)) as Hex, ccHolder: "0x" as Hex });
  backends.push(BACKEND_ETH);
  balances.push(Array.from({ length: n }, () => 7n));
  const state0: State = {
    channelID: id,
    version: 0n,
    outcome: { assets, backends, balances, locked: [] },
    appData: "0x",
    isFinal: false,
  };
  const udtCells = udtType
    ? Array.from({ length: n }, (_, i) =>
        world.mock({
          cellOutput: {
            capacity: "0x" + (200n * CKB).toString(16),
            lock: world.script(`udt-owner${i}`),
            type: udtType,
          },
          data: udtData(5000n),
        }),
      )
    : [];
  const deployment = opts.deployment ?? world.deployment;
  return { world, deployment, n, params, state0, payoutLocks, udtType, udtCells, funds: [] };
}

/** The deployment the scenario's channel runs under. */
export function deploymentOf(sc: Scenario): CkbDeployment {
  return sc.deployment ?? sc.world.deployment;
}

export function channelOf(cell: Cell): ChannelCell {
  return { cell, status: readChannelStatus(cell.data) };
}

/** The honest open transaction for a fresh scenario. */
export function openTx(world: CkbWorld, n: number, withUdt: boolean, opts: ScenarioOptions = {}) {
  const fp = feePayer(world);
  const sc = scenario(world, n, withUdt, fp.cells[0], opts);
  const built = buildOpen({ deployment: deploymentOf(sc), params: sc.params, initialState: sc.state0, feePayer: fp });
  return { sc, built };
}

/** Opens (verified) and returns the scenario with its live channel cell. */
export function opened(world: CkbWorld, n: number, withUdt: boolean, opts: ScenarioOptions = {}): Scenario {
  const { sc, built } = openTx(world, n, withUdt, opts);
  const out = world.commit(built.skeleton);
  sc.channel = channelOf(out[0]);
  return sc;
}

/** The honest fund transaction of participant i. */
export function fundTx(sc: Scenario, i: number) {
  return buildFund({
    deployment: deploymentOf(sc),
    channel: sc.channel!,
    expected: { params: sc.params, state: sc.state0 },
    index: i,
    udtCells: sc.udtCells.length ? [sc.udtCells[i]] : [],
    udtChangeLock: sc.world.script("udt-change"),
    // Participant i pays the fee from a cell under its own lock: its consent to the stored state.
    feePayer: { cells: [sc.world.coins(10_000n, sc.payoutLocks[i])], changeLock: sc.world.script("change") },
  });
}

/** Commits a fund transaction: the new channel cell and funds cells become live. */
export function commitFund(sc: Scenario, skel: ReturnType<typeof fundTx>): void {
  const out = sc.world.commit(skel);
  sc.channel = channelOf(out[0]);
  const lock = sc.channel.cell.cellOutput.lock;
  for (const c of out.slice(1))
    if (c.cellOutput.lock.args === lock.args && c.cellOutput.lock.codeHash === lock.codeHash) sc.funds.push(c);
}

/** Open and fund by everybody (not verified again: the fund tests do that). */
export function funded(world: CkbWorld, n: number, withUdt: boolean, opts: ScenarioOptions = {}): Scenario {
  const sc = opened(world, n, withUdt, opts);
  for (let i = 0; i < n; i++) commitFund(sc, fundTx(sc, i));
  return sc;
}

/** A state of the channel with `version`, moving `delta` CKB (and UDT units) from 0 to 1. */
export function nextState(sc: Scenario, version: bigint, delta: bigint, isFinal = false): State {
  const s = structuredClone(sc.state0);
  s.version = version;
  s.isFinal = isFinal;
  s.outcome.balances[0][0] -= delta * CKB;
  s.outcome.balances[0][1] += delta * CKB;
  if (sc.udtType) {
    s.outcome.balances[1][0] -= delta;
    s.outcome.balances[1][1] += delta;
  }
  return s;
}

export function signAll(sc: Scenario, state: State): Hex[] {
  return Array.from({ length: sc.n }, (_, i) => signState(state, KEYS[i]));
}

export function disputeTx(sc: Scenario, state: State) {
  return buildDispute({
    deployment: deploymentOf(sc),
    channel: sc.channel!,
    state,
    signatures: signAll(sc, state),
    feePayer: feePayer(sc.world),
  });
}

export function commitChannel(sc: Scenario, skel: ReturnType<typeof disputeTx>): void {
  sc.channel = channelOf(sc.world.commit(skel)[0]);
}

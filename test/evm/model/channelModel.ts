/**
 * The abstract model of the model-based EVM property test: what the honest participant knows
 * (every fully signed state, the latest last) and what the contracts should hold (dispute
 * record, holdings per funding ID, totals deposited and withdrawn), for two channels between
 * the same participants that share the asset holders:
 *
 * - channel 0, a ledger payment channel (no app);
 * - channel 1, a ledger channel running CounterApp (appData = abi.encode(uint256 counter);
 *   participant `counter % n` moves; each move adds one), so `progress` is exercised.
 *
 * Everything here is pure bookkeeping; the commands compare it with the chain after each step.
 * The rules mirror DESIGN.md §1/§3 and upstream perun-eth-contracts v1.0.0, not the Solidity
 * source: a refutation keeps the window, a final state closes it at once, an app channel
 * concluded from DISPUTE waits one more duration, an underfunded outcome leaves every deposit
 * withdrawable by its owner, overfunding is forfeited.
 */
import { AbiCoder } from "ethers";
import { BACKEND_ETH, channelId, fundingId, hashState, signState } from "../../../src";
import type { Address, Hex, Params, State } from "../../../src";
import type { ModelDeployment } from "./modelFixture";

/** Asset indices of every model channel. */
export const ETH = 0;
export const ERC20 = 1;
export const ASSETS = [ETH, ERC20] as const;
export const ASSET_NAMES = ["ETH", "ERC20"] as const;

/** Dispute phases (Adjudicator). */
export const PHASE_DISPUTE = 0;
export const PHASE_FORCEEXEC = 1;
export const PHASE_CONCLUDED = 2;

/** Challenge duration of the model's channels: long enough that a sequence of transactions
 * (one second each) never crosses a window by itself; only AdvanceTime moves past windows. */
export const CHALLENGE_DURATION = 3600n;

/** Amount unit of deposits and balances. */
export const UNIT = 10n ** 15n;

/** The model reached a state its own rules exclude (a bug in the test, not in the contracts). */
export class ModelInconsistencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelInconsistencyError";
  }
}

/** The channels of a run. */
export const LEDGER_CHANNEL = 0;
export const APP_CHANNEL = 1;

/** A state with one signature per participant, in participant order. */
export interface SignedModelState {
  state: State;
  sigs: Hex[];
}

/** The dispute record the adjudicator should hold (absent until the first register or concludeFinal). */
export interface ExpectedRecord {
  timeout: bigint;
  version: bigint;
  phase: number;
  stateHash: Hex;
  /** The registered (or progressed, or concluded) state itself. */
  state: State;
}

/** How a channel was concluded, and what the holders had when the outcome was pushed. */
export interface Settlement {
  state: State;
  via: "conclude" | "concludeFinal";
  /** Per asset: deposits (incl. the channel-ID deposit) covered the outcome. */
  funded: boolean[];
  /** Per asset and participant: holdings right before the outcome was pushed. */
  heldBefore: bigint[][];
}

/** Model of one channel. */
export interface ChannelModel {
  index: number;
  kind: "ledger" | "app";
  params: Params;
  id: Hex;
  /** Every fully signed state the honest participant signed, oldest first; last = latest. */
  history: SignedModelState[];
  record?: ExpectedRecord;
  settlement?: Settlement;
  /** holdings[asset][participant] as the holder should report it. */
  holdings: bigint[][];
  /** Deposits made under the channel ID itself (count towards the channel, as upstream). */
  channelHoldings: bigint[];
  /** Totals credited and paid out per asset. */
  deposited: bigint[];
  withdrawn: bigint[];
  /** Paid to each participant's receiver per asset: paidTo[asset][participant]. */
  paidTo: bigint[][];
  /** States force-executed by a participant other than the honest one (app channel). */
  maliciousProgress: number;
  /** The last successful withdrawal of each participant per asset (for replays). */
  lastWithdrawal: ({ amount: bigint; sig: Hex; receiver: number } | undefined)[][];
}

/** The whole model of a run. */
export interface Model {
  n: number;
  /** The honest participant's index (the others are malicious). */
  honest: number;
  channels: ChannelModel[];
  /** Timestamp of the latest mined block. */
  now: bigint;
  /** The exact timestamp of the next block when a command pinned it (boundary tests). */
  pinned?: bigint;
  /** Log of what happened, printed with a failing counterexample. */
  log: string[];
}

/** The real side: the deployment. */
export type Real = ModelDeployment;

/** `abi.encode(uint256 counter)`, CounterApp's appData. */
export function counterData(counter: bigint): Hex {
  return AbiCoder.defaultAbiCoder().encode(["uint256"], [counter]) as Hex;
}

/** The counter in a CounterApp appData. */
export function counterOf(state: State): bigint {
  return BigInt(AbiCoder.defaultAbiCoder().decode(["uint256"], state.appData)[0] as bigint);
}

/** Signs `state` by the given participants (by index into `real.parts`). */
export function signBy(real: Real, state: State, who: readonly number[]): Hex[] {
  return who.map((i) => signState(state, real.parts[i].privateKey));
}

/** Indices 0..n-1. */
export function everyone(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** A state of `ch` with the given version, balances, counter and final flag. */
export function makeModelState(
  real: Real,
  ch: Pick<ChannelModel, "params" | "id" | "kind">,
  version: bigint,
  balances: bigint[][],
  counter: bigint,
  isFinal: boolean,
): State {
  return {
    channelID: ch.id,
    version,
    outcome: {
      assets: real.holderAddresses.map((h) => ({
        chainID: real.chainId,
        ethHolder: h,
        ccHolder: `0x${"00".repeat(32)}` as Hex,
      })),
      backends: real.holderAddresses.map(() => BACKEND_ETH),
      balances,
      locked: [],
    },
    appData: ch.kind === "app" ? counterData(counter) : "0x",
    isFinal,
  };
}

/** Creates channel `index` with the run's initial (version 0) state, signed by all. */
export function newChannel(real: Real, n: number, index: number, initial: bigint[][], counter: bigint): ChannelModel {
  const kind = index === APP_CHANNEL ? "app" : "ledger";
  const params: Params = {
    challengeDuration: CHALLENGE_DURATION,
    nonce: BigInt(1000 + index),
    participants: real.parts.slice(0, n).map((p) => p.participant),
    app:
      kind === "app"
        ? ((real.counterApp.target as string).toLowerCase() as Address)
        : "0x0000000000000000000000000000000000000000",
    ledgerChannel: true,
    virtualChannel: false,
  };
  const id = channelId(params);
  const ch = { params, id, kind } as const;
  const state = makeModelState(real, ch, 0n, initial, counter, false);
  return {
    index,
    kind,
    params,
    id,
    history: [{ state, sigs: signBy(real, state, everyone(n)) }],
    holdings: ASSETS.map(() => Array<bigint>(n).fill(0n)),
    channelHoldings: ASSETS.map(() => 0n),
    deposited: ASSETS.map(() => 0n),
    withdrawn: ASSETS.map(() => 0n),
    paidTo: ASSETS.map(() => Array<bigint>(n).fill(0n)),
    maliciousProgress: 0,
    lastWithdrawal: ASSETS.map(() => Array(n).fill(undefined)),
  };
}

/** The honest participant's latest fully signed state. */
export function latest(ch: ChannelModel): SignedModelState {
  return ch.history[ch.history.length - 1];
}

/** Whether the channel is concluded. */
export function isConcluded(ch: ChannelModel): boolean {
  return ch.record?.phase === PHASE_CONCLUDED;
}

/** The funding ID of participant `i`. */
export function fundingIdOf(ch: ChannelModel, real: Real, i: number): Hex {
  return fundingId(ch.id, real.parts[i].address);
}

/** Sum of a row. */
export function sum(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => a + b, 0n);
}

/**
 * Applies `setOutcome` for every asset of `state`: when the deposits (plus the channel-ID
 * deposit) cover the outcome, holdings become the outcome balances (upstream semantics);
 * otherwise every deposit stays where it is and the channel-ID deposit (the pool) fills the
 * participants' shortfalls in participant order (issue 6; upstream dropped it).
 */
export function settle(ch: ChannelModel, state: State, via: Settlement["via"]): void {
  const heldBefore = ch.holdings.map((row) => [...row]);
  const funded = ASSETS.map((a) => {
    const held = sum(ch.holdings[a]) + ch.channelHoldings[a];
    const owed = sum(state.outcome.balances[a]);
    if (held >= owed) {
      ch.holdings[a] = [...state.outcome.balances[a]];
    } else {
      let pool = ch.channelHoldings[a];
      ch.holdings[a] = ch.holdings[a].map((dep, p) => {
        const want = state.outcome.balances[a][p] ?? 0n;
        if (pool === 0n || want <= dep) return dep;
        const fill = want - dep < pool ? want - dep : pool;
        pool -= fill;
        return dep + fill;
      });
    }
    ch.channelHoldings[a] = 0n;
    return held >= owed;
  });
  ch.settlement = { state, via, funded, heldBefore };
}

/** Records a successful register/refute of `signed` mined at `ts`. */
export function applyRegister(ch: ChannelModel, state: State, ts: bigint): void {
  const hash = hashState(state);
  if (ch.record === undefined) {
    ch.record = {
      timeout: state.isFinal ? ts : ts + CHALLENGE_DURATION,
      version: state.version,
      phase: PHASE_DISPUTE,
      stateHash: hash,
      state,
    };
    return;
  }
  if (ch.record.stateHash === hash) return; // re-registering the same state changes nothing
  ch.record = {
    timeout: state.isFinal ? ts : ch.record.timeout, // a refutation does not extend the window
    version: state.version,
    phase: PHASE_DISPUTE,
    stateHash: hash,
    state,
  };
}

/** One line of the run log. */
export function note(m: Model, line: string): void {
  m.log.push(line);
}

/** Records a successful `conclude` of the registered state; `at` is when the window ended. */
export function applyConclude(ch: ChannelModel, at: bigint): void {
  const rec = ch.record;
  if (rec === undefined) throw new ModelInconsistencyError(`ch${ch.index}: conclude without a record`);
  ch.record = { ...rec, phase: PHASE_CONCLUDED, timeout: at };
  settle(ch, rec.state, "conclude");
}

/** Records a successful `concludeFinal` with `state` mined at `ts`. */
export function applyConcludeFinal(ch: ChannelModel, state: State, ts: bigint): void {
  ch.record = { timeout: ts, version: state.version, phase: PHASE_CONCLUDED, stateHash: hashState(state), state };
  settle(ch, state, "concludeFinal");
}

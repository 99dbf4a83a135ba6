import type { Script } from "@ckb-lumos/base";
/**
 * Shared pieces of the cross-chain properties (DESIGN.md §6): one random channel case that all
 * four implementations can take, and a driver per implementation. Everything is reused from the
 * per-chain suites: the EVM deployment fixture and custom-error decoder, the ICP shared
 * canister in the test host, the CKB world (WASM CKB VM) and its fixtures.
 *
 * A case is shaped so that every chain can judge it: 2–3 distinct signers from the EVM suite's
 * KEY_POOL, distinct 32-byte ccAddresses (CKB needs 32-byte lock hashes), a ledger channel with
 * the zero app, challengeDuration ≤ 2^32−1 (the EVM limit), and an outcome whose first row is
 * CKBytes followed by 0–2 random EVM/ICP assets (the EVM suite's realAssetArb). The nonce is
 * bound to the CKB opener's out-point (the CKB scripts require it), i.e. keccak of a fresh
 * out-point: a random-looking 256-bit value that is new per case.
 */
import fc from "fast-check";
import { Principal } from "@icp-sdk/core/principal";
import { BACKEND_CKB } from "../../src/encoding/backends";
import { channelId } from "../../src/encoding/channelId";
import { encodeState } from "../../src/encoding/encodeState";
import { signState } from "../../src/encoding/signState";
import type { Address, Hex, Params, State } from "../../src/encoding/types";
import { buildDispute, buildOpen, channelNonce, readChannelStatus } from "../../src/ckb";
import { keccak256 } from "ethers";
import { userPrincipal } from "../icp/support/channels";
import { actionWitness } from "../../src/ckb/skeleton";
import { CkbWorld } from "../../scripts/lib/ckb/world";
import { loadDeployment, type Deployment } from "../evm/fixtures";
import { sharedCanister, type InstalledCanister } from "../icp/support/canisterFixture";
import { PROP_SEED, bytes32Arb, bytesArb, uint256Arb, uint64Arb } from "../encoding/support/arbitraries";
import { KEY_POOL, MAX_CHALLENGE_DURATION, realAssetArb } from "../evm/model/crosscheckArbitraries";
import { CKB, channelOf as channelCellOf, commitFund, feePayer, fundTx, type Scenario } from "../ckb/support/fixtures";
import { setWitness } from "../ckb/support/mutate";

export { PROP_SEED };

/**
 * Runs of a cross-chain property: CROSS_PROP_RUNS if set, else PROP_RUNS if set, else
 * `fallback` (sized for CI: every run verifies in the CKB VM, seconds each).
 */
export function crossRuns(fallback: number): number {
  const raw = process.env.CROSS_PROP_RUNS || process.env.PROP_RUNS;
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`CROSS_PROP_RUNS / PROP_RUNS must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

export interface CaseShape {
  signers: number[];
  ccAddresses: Hex[];
  challengeDuration: bigint;
  /** Foreign (EVM, ICP) assets after the CKBytes row. */
  foreign: { asset: State["outcome"]["assets"][number]; backend: bigint }[];
  /** Initial CKBytes per participant, in whole CKB (funded on CKB). */
  ckb0: bigint[];
  /** The state under test: version, CKBytes moved from participant 0 to 1, foreign balances, appData, isFinal. */
  version: bigint;
  moved: bigint;
  foreignBalances: bigint[];
  appData: Hex;
  isFinal: boolean;
}

export function caseArb(
  evmChainId: bigint,
  evmHolders: readonly Address[],
  opts: { finalAllowed: boolean },
): fc.Arbitrary<CaseShape> {
  return fc.integer({ min: 2, max: 3 }).chain((n) =>
    fc.record({
      signers: fc.uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: n, maxLength: n }),
      ccAddresses: fc.uniqueArray(bytes32Arb, { minLength: n, maxLength: n }),
      challengeDuration: fc.oneof(
        fc.constantFrom(0n, MAX_CHALLENGE_DURATION),
        fc.bigInt({ min: 0n, max: MAX_CHALLENGE_DURATION }),
      ),
      foreign: fc.array(
        realAssetArb(evmChainId, evmHolders).filter((a) => a.backend !== BACKEND_CKB),
        { minLength: 0, maxLength: 2 },
      ),
      ckb0: fc.array(fc.bigInt({ min: 100n, max: 1000n }), { minLength: n, maxLength: n }),
      version: uint64Arb,
      moved: fc.bigInt({ min: 0n, max: 100n }),
      foreignBalances: fc.array(uint256Arb, { minLength: 6, maxLength: 6 }),
      appData: bytesArb,
      isFinal: opts.finalAllowed ? fc.boolean() : fc.constant(false),
    }),
  );
}

/** One CKB world for the whole file (deploying the scripts costs a few seconds). */
let world: CkbWorld | undefined;
export function ckbWorld(): CkbWorld {
  world ??= new CkbWorld();
  return world;
}

export interface Channel {
  keys: Hex[];
  /** Each participant's payout lock on CKB (its hash is the ccAddress): a fund spends a cell under it. */
  payoutLocks: Script[];
  params: Params;
  /** Version 0, as opened on CKB. */
  state0: State;
  /** The state under test. */
  state: State;
  /** The CKB opener (fee payer) whose out-point binds the nonce. */
  opener: ReturnType<typeof feePayer>;
}

/** The channel of a case: params (nonce bound to a fresh CKB out-point), initial and tested state. */
export function channelOfCase(k: CaseShape): Channel {
  const w = ckbWorld();
  const opener = feePayer(w);
  // Distinct 32-byte ccAddresses that are lock hashes in the CKB world: each funder consents to
  // the stored state through its own lock (issue 16), so its lock must exist.
  const payoutLocks = k.ccAddresses.map((cc) => w.script(`payout ${cc}`));
  const params: Params = {
    challengeDuration: k.challengeDuration,
    nonce: channelNonce(opener.cells[0].outPoint!),
    participants: k.signers.map((s, i) => ({
      ethAddress: KEY_POOL[s].address,
      ccAddress: w.hash(payoutLocks[i]) as Hex,
    })),
    app: "0x0000000000000000000000000000000000000000",
    ledgerChannel: true,
    virtualChannel: false,
  };
  const n = k.signers.length;
  const id = channelId(params);
  const assets = [
    { chainID: BACKEND_CKB, ethHolder: "0x0000000000000000000000000000000000000000" as Address, ccHolder: "0x" as Hex },
    ...k.foreign.map((f) => f.asset),
  ];
  const backends = [BACKEND_CKB, ...k.foreign.map((f) => f.backend)];
  const balances0 = [k.ckb0.map((x) => x * CKB), ...k.foreign.map(() => Array.from({ length: n }, () => 7n))];
  const state0: State = {
    channelID: id,
    version: 0n,
    outcome: { assets, backends, balances: balances0, locked: [] },
    appData: "0x",
    isFinal: false,
  };
  const state = structuredClone(state0);
  state.version = k.version;
  state.appData = k.appData;
  state.isFinal = k.isFinal;
  state.outcome.balances[0][0] -= k.moved * CKB;
  state.outcome.balances[0][1] += k.moved * CKB;
  for (let a = 1; a < assets.length; a++)
    state.outcome.balances[a] = state.outcome.balances[a].map((_, i) => k.foreignBalances[(a * 3 + i) % 6]);
  return { keys: k.signers.map((s) => KEY_POOL[s].privateKey), payoutLocks, params, state0, state, opener };
}

export function signAll(ch: Channel, state: State): Hex[] {
  return ch.keys.map((key) => signState(state, key));
}

// ------------------------------------------------------------------------------------------
// CKB: open (optionally verified) and fund in the CKB world, then verify a dispute.
// ------------------------------------------------------------------------------------------

export interface CkbOpen {
  sc: Scenario;
  /** The open transaction's verdict, when it was verified. */
  openVerdict?: ReturnType<CkbWorld["verify"]>;
  /** The channel ID the builder put into the channel type script's args. */
  argsChannelId: string;
  /** keccak256 of the params bytes stored in the opened channel cell's data. */
  cellParamsHash: Hex;
}

/** Opens (verifying the open in the CKB VM if asked) and funds (committed, not re-verified). */
export function ckbOpenAndFund(ch: Channel, verifyOpen: boolean): CkbOpen {
  const w = ckbWorld();
  const built = buildOpen({
    deployment: w.deployment,
    params: ch.params,
    initialState: ch.state0,
    feePayer: ch.opener,
  });
  const openVerdict = verifyOpen ? w.verify(built.skeleton) : undefined;
  const out = w.commit(built.skeleton);
  const sc: Scenario = {
    world: w,
    n: ch.keys.length,
    params: ch.params,
    state0: ch.state0,
    payoutLocks: ch.payoutLocks,
    udtCells: [],
    channel: channelCellOf(out[0]),
    funds: [],
  };
  for (let i = 0; i < sc.n; i++) commitFund(sc, fundTx(sc, i));
  const cellParamsHash = keccak256(readChannelStatus(out[0].data).paramsBytes) as Hex;
  return { sc, openVerdict, argsChannelId: built.channelId, cellParamsHash };
}

/**
 * Verifies, in the CKB VM, a dispute of `state` with `sigs` in the witness. 65-byte signatures
 * are packed as the molecule `Signatures` fixvec. A signature of another length cannot be a
 * fixvec item: it is spliced raw into the witness in place of a placeholder, which leaves the
 * enclosing molecule lengths inconsistent — so for wrong-length signatures the script's verdict
 * is a malformed-witness rejection, not a signature rule (reported by the callers).
 */
export function ckbDispute(sc: Scenario, state: State, sigs: Hex[]): ReturnType<CkbWorld["verify"]> {
  const w = ckbWorld();
  const placeholder = sigs.map((_, i) => ("0x" + (0xa0 + i).toString(16).repeat(65)) as Hex);
  const skel = buildDispute({
    deployment: w.deployment,
    channel: sc.channel!,
    state,
    signatures: placeholder,
    feePayer: feePayer(w),
  });
  let witness: string;
  if (sigs.every((s) => s.length === 132)) {
    witness = actionWitness({ type: "Dispute", value: { state: encodeState(state), sigs } });
  } else {
    const honest = actionWitness({ type: "Dispute", value: { state: encodeState(state), sigs: placeholder } });
    const body = placeholder.map((p) => p.slice(2)).join("");
    const at = honest.indexOf(body);
    if (at < 0 || honest.indexOf(body, at + 1) >= 0)
      throw new Error("placeholder signatures not found exactly once in the witness");
    witness = honest.slice(0, at) + sigs.map((s) => s.slice(2)).join("") + honest.slice(at + body.length);
  }
  return w.verify(setWitness(skel, 0, witness));
}

/** The caller of the ICP disputes (any principal may dispute). */
export const ICP_CALLER = Principal.fromUint8Array(userPrincipal(41));

/** What each file of properties 1–3 sets up once: the EVM deployment, the shared canister, the CKB world. */
export interface CrossChainSetup {
  d: Deployment;
  icp: InstalledCanister;
  /** The ETH and ERC-20 holders' addresses (EVM assets of random cases). */
  holders: Address[];
}

export async function crossChainSetup(): Promise<CrossChainSetup> {
  const d = await loadDeployment();
  const icp = await sharedCanister();
  ckbWorld();
  return {
    d,
    icp,
    holders: [(await d.ethHolder.getAddress()) as Address, (await d.erc20Holder.getAddress()) as Address],
  };
}

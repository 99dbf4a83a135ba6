/**
 * Cross-chain property 4 (DESIGN.md §6, issue 10): settlement agreement. Random channels with
 * assets on all three chains in one outcome — ETH or an ERC-20 on the EVM, an ICRC token on
 * ICP, CKBytes or a UDT on CKB, in random order — random deposits funded on every chain (the
 * version-0 balances), and random off-chain updates (each moves random shares of one chain's
 * asset between participants, totals kept, version + 1, signed by all). Then:
 *
 * (a) cooperative close: the final state, signed once, settles on all three (EVM
 *     concludeFinal + withdraw, ICP conclude + withdraw, CKB close);
 * (b) separately, a dispute that ends by timeout on every chain: a coalition holding every key
 *     but the honest participant's can only submit fully signed states of the history; it
 *     registers a stale one on one or several random chains; the honest participant refutes
 *     there with its latest and registers its latest on the others; the coalition's later
 *     re-registrations of older states are refused everywhere, and so is concluding before the
 *     window ends (and, on the EVM, concluding with a stale state afterwards); after the window
 *     every chain concludes (EVM conclude, ICP concludeDispute, CKB force-close) and pays.
 *
 * Either way: each chain pays exactly its own row of the winning state to each participant
 * (the final state, resp. the honest party's latest), nothing of another chain's rows is paid
 * anywhere, and no chain pays more than was deposited on it (holders, the canister's ledger
 * account and the channel's cells end empty, up to ICP dust at or below the ledger fee, which
 * the canister cannot withdraw). The expected payouts come from the model (./settlement/model.ts),
 * never from the chains.
 *
 * The coalition is modelled by what it can submit: only states of the history (each signed
 * by everybody once); the honest participant's latest is the last of them.
 *
 * Knobs: CROSS_PROP_RUNS / PROP_RUNS — runs of each of the two properties (default 2
 * cooperative + 1 dispute; a cooperative run verifies 1 CKB transaction in the CKB VM, a
 * dispute run 4–5, about 5 s each here); CROSS_PROP_TIMING=1 prints per run where the time
 * went; CROSS_PROP_SHRINK=0 reports a failure unshrunk (each shrink step re-verifies in the CKB
 * VM); PROP_SEED / PROP_PATH replay a reported failure (test/support/propertyRuns.ts).
 */
import { expect } from "chai";
import fc from "fast-check";
import { CKB_EXIT as EXIT } from "../../src/ckb";
import { DEFAULT_FEE } from "../../src/ckb/skeleton";
import { channelId } from "../../src/encoding/channelId";
import { bytesToHex } from "../../src/encoding/internal/hex";
import { signState } from "../../src/encoding/signState";
import type { Hex, Params, State } from "../../src/encoding/types";
import { loadDeployment, readDispute, type Deployment } from "../evm/fixtures";
import { KEY_POOL } from "../evm/model/crosscheckArbitraries";
import { sharedCanister, type InstalledCanister } from "../icp/support/canisterFixture";
import { propParams, propTitle } from "../support/propertyRuns";
import { crossRuns } from "./support";
import {
  CHAINS,
  type Chain,
  type SettlementCase,
  ckbAssetOf,
  depositsOf,
  evmAssetOf,
  finalOf,
  historyOf,
  icpAssetOf,
  replayOn,
  rowOf,
  settlementCaseArb,
  staleOn,
  sum,
} from "./settlement/model";
import {
  type EvmSide,
  type EvmSnapshot,
  evmConclude,
  evmConcludeFinal,
  evmFund,
  evmRegister,
  evmSide,
  evmSnapshot,
  evmWindowPasses,
  evmWithdrawAll,
  expectEvmRefused,
} from "./settlement/evm";
import {
  type IcpSide,
  type IcpSnapshot,
  icpConclude,
  icpConcludeDispute,
  icpDispute,
  icpFund,
  icpRegisteredVersion,
  icpSide,
  icpSnapshot,
  icpWindowPasses,
  icpWithdrawAll,
} from "./settlement/icp";
import {
  type CkbSide,
  type CkbTx,
  ckbCapacityOwed,
  ckbClose,
  ckbDispute,
  ckbForceClose,
  ckbOpenAndFund,
  ckbPayoutOf,
  ckbPrepare,
  ckbRegisteredVersion,
  ckbVerifications,
} from "./settlement/ckb";

const COOP_RUNS = crossRuns(2);
const DISPUTE_RUNS = crossRuns(1);
/** CROSS_PROP_SHRINK=0: report the first failure unshrunk (each shrink step re-runs CKB VM verifications). */
const NO_SHRINK = { endOnFailure: process.env.CROSS_PROP_SHRINK === "0" };

// ------------------------------------------------------------------------------------------
// Where the time goes (CROSS_PROP_TIMING=1 prints it).
// ------------------------------------------------------------------------------------------
const spent: Record<Chain, number> = { evm: 0, icp: 0, ckb: 0 };
let runsDone = 0;
let started = 0;
let verifiedBefore = 0;
function startTiming(): void {
  spent.evm = spent.icp = spent.ckb = 0;
  runsDone = 0;
  started = performance.now();
  verifiedBefore = ckbVerifications.count;
}
/** One line per property: wall time per run, and the share of each chain (funding, settling, withdrawing). */
function reportTiming(what: string): void {
  if (!process.env.CROSS_PROP_TIMING) return;
  const s = (ms: number) => `${(ms / 1000 / Math.max(runsDone, 1)).toFixed(2)} s`;
  const verified = ckbVerifications.count - verifiedBefore;
  console.log(
    `      ${what}: ${runsDone} runs, per run ${s(performance.now() - started)}: EVM ${s(spent.evm)}, ICP ${s(spent.icp)}, ` +
      `CKB ${s(spent.ckb)} (${(verified / Math.max(runsDone, 1)).toFixed(1)} CKB VM verifications)`,
  );
}
async function on<T>(chain: Chain, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    spent[chain] += performance.now() - t0;
  }
}

// ------------------------------------------------------------------------------------------
// One channel across the three chains.
// ------------------------------------------------------------------------------------------
interface World {
  d: Deployment;
  icp: InstalledCanister;
}

interface Channel {
  k: SettlementCase;
  keys: Hex[];
  params: Params;
  history: State[];
  evm: EvmSide;
  icp: IcpSide;
  ckb: CkbSide;
  before: { evm: EvmSnapshot; icp: IcpSnapshot };
}

/** Opens the case's channel and funds its version-0 balances on all three chains. */
async function openAndFundEverywhere(w: World, k: SettlementCase): Promise<Channel> {
  const n = k.signers.length;
  const prep = ckbPrepare(n, k.ckbToken);
  const evm = await evmSide(w.d, k.evmToken, n);
  const icp = icpSide(w.icp, k.icpLedger, n);
  const params: Params = {
    challengeDuration: k.challengeDuration,
    nonce: prep.nonce,
    participants: k.signers.map((s, i) => ({ ethAddress: KEY_POOL[s].address, ccAddress: prep.ccAddresses[i] })),
    app: "0x0000000000000000000000000000000000000000",
    ledgerChannel: true,
    virtualChannel: false,
  };
  const history = historyOf(k, params, {
    evm: evmAssetOf(w.d.chainId, evm.holder),
    icp: icpAssetOf(bytesToHex(icp.ledger.toUint8Array())),
    ckb: ckbAssetOf(prep.udtTypeHash),
  });
  const before = { evm: await evmSnapshot(evm, params), icp: await icpSnapshot(icp, params) };
  await on("evm", () => evmFund(evm, params, depositsOf(k, "evm")));
  await on("icp", () => icpFund(icp, params, depositsOf(k, "icp")));
  const ckb = await on("ckb", () => ckbOpenAndFund(prep, params, history[0]));
  const keys = k.signers.map((s) => KEY_POOL[s].privateKey);
  return { k, keys, params, history, evm, icp, ckb, before };
}

function signedBy(ch: Channel, state: State): Hex[] {
  return ch.keys.map((key) => signState(state, key));
}

// ------------------------------------------------------------------------------------------
// Per-chain checks: "each chain pays exactly its own row, nothing else, never more than deposited".
// ------------------------------------------------------------------------------------------

/** EVM: holdings after the outcome = the row; receivers got the row; holder back where it was; the other holder untouched. */
function expectEvmPaysItsRow(ch: Channel, settled: bigint[], after: EvmSnapshot, row: bigint[]): void {
  const b = ch.before.evm;
  const deposited = sum(depositsOf(ch.k, "evm"));
  expect(settled, "EVM holdings once concluded = the EVM row").to.deep.equal(row);
  expect(
    after.receivers.map((x, i) => x - b.receivers[i]),
    "EVM receivers' wallet deltas = the EVM row",
  ).to.deep.equal(row);
  const paid = after.receivers.reduce((s, x, i) => s + x - b.receivers[i], 0n);
  expect(paid <= deposited, `EVM paid ${paid} > deposited ${deposited}`).to.equal(true);
  expect(after.holderBalance - b.holderBalance, "EVM holder's balance: deposits in, payouts out").to.equal(
    deposited - paid,
  );
  expect(after.holdings, "EVM holdings end empty").to.deep.equal(row.map(() => 0n));
  expect(after.otherBalance, "the other EVM holder's balance never moves").to.equal(b.otherBalance);
  expect(after.otherHoldings, "no holdings at the other EVM holder").to.deep.equal(row.map(() => 0n));
}

/** ICP's rule for a withdrawal of a whole holding h: the receiver gets h − fee, if h > fee (else it stays, dust). */
function icpReceives(h: bigint, fee: bigint): bigint {
  return h > fee ? h - fee : 0n;
}

/** ICP: holdings once concluded = the row; receivers got row − fee; the canister's account paid exactly that; the other ledger untouched. */
function expectIcpPaysItsRow(ch: Channel, settled: bigint[], after: IcpSnapshot, row: bigint[]): void {
  const b = ch.before.icp;
  const fee = ch.icp.fake.fee;
  const deposited = sum(depositsOf(ch.k, "icp"));
  const dust = row.map((h) => (h > fee ? 0n : h));
  expect(settled, "ICP holdings once concluded = the ICP row").to.deep.equal(row);
  expect(
    after.receivers.map((x, i) => x - b.receivers[i]),
    "ICP receivers' ledger deltas = the ICP row minus the ledger fee",
  ).to.deep.equal(row.map((h) => icpReceives(h, fee)));
  const out = deposited - (after.canisterBalance - b.canisterBalance);
  expect(out <= deposited, `ICP canister paid ${out} > deposited ${deposited}`).to.equal(true);
  expect(out, "ICP canister's ledger account: paid out exactly the withdrawn row (fees included)").to.equal(
    sum(row) - sum(dust),
  );
  expect(after.holdings, "ICP holdings end empty but for dust ≤ fee").to.deep.equal(dust);
  expect(after.otherSupply, "the other ICRC ledger never moves").to.equal(b.otherSupply);
  expect(after.otherHoldings, "no holdings on the other ledger").to.deep.equal(row.map(() => 0n));
}

/**
 * CKB: the payout transaction verifies; it spends the channel cell and every funds cell and
 * re-creates neither; each participant's outputs carry its UDT row exactly and at least the
 * capacity the capacity rule owes it — more only where every cell of its is a minimal cell,
 * the difference paid by the submitter's fee payer, not by the channel.
 */
function expectCkbPaysItsRow(ch: Channel, tx: CkbTx, winner: State): void {
  expect(tx.verdict.ok, `CKB payout refused, exit ${tx.verdict.code}`).to.equal(true);
  const p = ckbPayoutOf(ch.ckb, tx);
  const row = rowOf(ch.k, winner, "ckb");
  const isUdt = ch.k.ckbToken === "UDT";
  expect(p.consumesChannel, "CKB payout spends the channel cell and every funds cell").to.equal(true);
  expect(p.channelOutputs, "CKB payout re-creates no channel or funds cell").to.equal(0);
  expect(p.strayOutputs, "CKB payout pays nobody but the participants (and the submitter's change)").to.equal(0);
  expect(p.foreignTyped, "CKB payout carries no other asset").to.equal(0);
  expect(p.udt, "CKB UDT paid per participant = the UDT row").to.deep.equal(isUdt ? row : row.map(() => 0n));
  if (isUdt) expect(sum(p.udt), "CKB UDT paid = UDT deposited").to.equal(sum(ch.ckb.fundsUdt));
  const owed = ckbCapacityOwed(ch.ckb, isUdt ? undefined : depositsOf(ch.k, "ckb"), isUdt ? undefined : row);
  let topUp = 0n;
  owed.forEach((o, i) => {
    expect(p.capacity[i] >= o, `CKB participant ${i} got ${p.capacity[i]} shannons, owed ${o}`).to.equal(true);
    if (p.capacity[i] > o)
      expect(p.allMinimal[i], `CKB participant ${i} over-paid by ${p.capacity[i] - o} beyond minimal cells`).to.equal(
        true,
      );
    topUp += p.capacity[i] - o;
  });
  expect(sum(owed), "CKB: the channel's cells hold exactly what is owed").to.equal(p.channelInCapacity);
  expect(p.feePayerSpent, "CKB: top-ups of minimal cells come from the submitter (fee + top-up)").to.equal(
    DEFAULT_FEE + topUp,
  );
}

/** Withdraws everywhere it is needed and checks every chain's payouts against the winning state. */
async function expectEachChainPaysItsRow(ch: Channel, winner: State, ckbTx: CkbTx): Promise<void> {
  const settled = {
    evm: (await evmSnapshot(ch.evm, ch.params)).holdings,
    icp: (await icpSnapshot(ch.icp, ch.params)).holdings,
  };
  await on("evm", () => evmWithdrawAll(ch.evm, ch.params, ch.keys));
  await on("icp", () => icpWithdrawAll(ch.icp, ch.params, ch.keys));
  expectEvmPaysItsRow(ch, settled.evm, await evmSnapshot(ch.evm, ch.params), rowOf(ch.k, winner, "evm"));
  expectIcpPaysItsRow(ch, settled.icp, await icpSnapshot(ch.icp, ch.params), rowOf(ch.k, winner, "icp"));
  expectCkbPaysItsRow(ch, ckbTx, winner);
}

// ------------------------------------------------------------------------------------------
// The dispute moves, per chain.
// ------------------------------------------------------------------------------------------

/**
 * Participant `by` (its own EVM wallet and ICP principal send) registers `state`, signed by
 * everybody, on `chain`; returns the chain's verdict ("Ok" or the refusal's name/exit code).
 */
async function registerOn(ch: Channel, chain: Chain, state: State, by: number): Promise<string> {
  const sigs = signedBy(ch, state);
  if (chain === "evm")
    return on("evm", async () => {
      try {
        await evmRegister(ch.evm, ch.params, state, sigs, ch.keys[by]);
        return "Ok";
      } catch (e) {
        return (e as { revertName?: string }).revertName ?? String(e);
      }
    });
  if (chain === "icp") return on("icp", () => icpDispute(ch.icp, ch.params, state, sigs, ch.icp.depositors[by]));
  return on("ckb", () => {
    const v = ckbDispute(ch.ckb, state, sigs);
    return v.ok ? "Ok" : `exit ${v.code}`;
  });
}

/**
 * The coalition (every participant but the honest one) registers `state`. Without the honest
 * key it can only submit states the honest participant signed, i.e. states of the history.
 */
function coalitionRegisters(ch: Channel, chain: Chain, state: State): Promise<string> {
  if (!ch.history.includes(state)) throw new Error("the coalition cannot sign a state outside the history");
  const member = (ch.k.dispute.honest + 1) % ch.keys.length;
  return registerOn(ch, chain, state, member);
}

/** The honest participant registers (or refutes with) its latest state. */
function honestRegistersLatest(ch: Channel, chain: Chain): Promise<string> {
  return registerOn(ch, chain, ch.history[ch.history.length - 1], ch.k.dispute.honest);
}

const STALE_REFUSAL: Record<Chain, string> = {
  evm: "DisputeStaleVersion",
  icp: "StaleVersion",
  ckb: `exit ${EXIT.STALE_VERSION}`,
};

async function registeredVersion(ch: Channel, chain: Chain): Promise<bigint | undefined> {
  if (chain === "evm") return (await readDispute(ch.evm.d.adjudicator, channelId(ch.params))).version;
  if (chain === "icp") return icpRegisteredVersion(ch.icp, ch.params);
  return ckbRegisteredVersion(ch.ckb);
}

/** Concluding before the window ends is refused on every chain, each for its own rule. */
async function expectPrematureConcludeRefused(ch: Channel, latest: State): Promise<void> {
  await on("evm", () =>
    expectEvmRefused(evmConclude(ch.evm, ch.params, latest), "DisputeTimeoutNotPassed", "conclude in the window"),
  );
  expect(await on("icp", () => icpConcludeDispute(ch.icp, ch.params)), "ICP concludeDispute in the window").to.equal(
    "WindowStillOpen",
  );
  const early = await on("ckb", () => ckbForceClose(ch.ckb, true));
  expect(early.verdict.code, "CKB force-close with since one second short (WINDOW_NOT_OVER)").to.equal(
    EXIT.WINDOW_NOT_OVER,
  );
}

// ------------------------------------------------------------------------------------------
// The property.
// ------------------------------------------------------------------------------------------

describe("cross-chain property: one channel, three chains — each chain pays exactly its own part of the winning state", function () {
  this.timeout(3_600_000);
  const w = {} as World;

  before(async function () {
    w.d = await loadDeployment();
    w.icp = await sharedCanister();
  });

  const coop = propParams(COOP_RUNS, 0, NO_SHRINK);
  it(propTitle("(a) cooperative close: the final state signed once settles on all three", coop), async function () {
    startTiming();
    await fc.assert(
      fc.asyncProperty(settlementCaseArb(), async (k) => {
        const ch = await openAndFundEverywhere(w, k);
        const final = finalOf(ch.history);
        const sigs = signedBy(ch, final);

        await on("evm", () => evmConcludeFinal(ch.evm, ch.params, final, sigs));
        expect(await on("icp", () => icpConclude(ch.icp, ch.params, final, sigs)), "ICP conclude").to.equal("Ok");
        const close = await on("ckb", () => ckbClose(ch.ckb, final, sigs));

        await expectEachChainPaysItsRow(ch, final, close);
        runsDone++;
      }),
      coop,
    );
    reportTiming("cooperative");
  });

  const disp = propParams(DISPUTE_RUNS, 1, NO_SHRINK);
  it(
    propTitle(
      "(b) dispute by timeout: a coalition's stale registrations are refuted, the honest latest state wins on all three",
      disp,
    ),
    async function () {
      startTiming();
      await fc.assert(
        fc.asyncProperty(settlementCaseArb(), async (k) => {
          const ch = await openAndFundEverywhere(w, k);
          const latest = ch.history[ch.history.length - 1];

          // The coalition registers a stale (fully signed, older) state where it chose to.
          for (const chain of CHAINS) {
            const stale = staleOn(k, ch.history, chain);
            if (stale === undefined) continue;
            expect(
              await coalitionRegisters(ch, chain, stale),
              `${chain}: the coalition registers version ${stale.version}`,
            ).to.equal("Ok");
          }
          // The honest participant refutes there with its latest and registers it everywhere else.
          for (const chain of CHAINS) {
            expect(await honestRegistersLatest(ch, chain), `${chain}: the honest party registers its latest`).to.equal(
              "Ok",
            );
            expect(await registeredVersion(ch, chain), `${chain}: registered version`).to.equal(latest.version);
          }
          // The coalition's re-registrations of older states are refused, each chain for its stale rule.
          for (const chain of CHAINS) {
            const older = replayOn(k, ch.history, chain);
            expect(
              await coalitionRegisters(ch, chain, older),
              `${chain}: the coalition re-registers version ${older.version}`,
            ).to.equal(STALE_REFUSAL[chain]);
          }
          await expectPrematureConcludeRefused(ch, latest);

          // The window ends on the EVM and ICP clocks (CKB: the force-close's since = challengeDuration, which
          // consensus enforces and the script requires).
          await evmWindowPasses(k.challengeDuration);
          icpWindowPasses(ch.icp, k.challengeDuration);

          // On the EVM, concluding with a stale state is refused (the registered state is the one that settles).
          await on("evm", () =>
            expectEvmRefused(
              evmConclude(ch.evm, ch.params, replayOn(k, ch.history, "evm")),
              "DisputeStateMismatch",
              "conclude with a stale state",
            ),
          );
          await on("evm", () => evmConclude(ch.evm, ch.params, latest));
          expect(await on("icp", () => icpConcludeDispute(ch.icp, ch.params)), "ICP concludeDispute").to.equal("Ok");
          const force = await on("ckb", () => ckbForceClose(ch.ckb));

          await expectEachChainPaysItsRow(ch, latest, force);
          runsDone++;
        }),
        disp,
      );
      reportTiming("dispute");
    },
  );
});

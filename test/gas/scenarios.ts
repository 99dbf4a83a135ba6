/**
 * The canonical gas scenarios of issue 3 (2 participants, 1 asset unless stated), run on a
 * fresh deployment each. Shared by `scripts/bench-gas.ts` (writes the snapshot) and
 * `test/gas/gas-snapshot.test.ts` (fails when a figure drifts from the snapshot).
 */
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse } from "ethers";
import { evmAsset, fundingIdOf, makeParams, makeState, signAll, signedState, signedWithdrawal } from "../evm/fixtures";
import type { Deployment } from "../evm/fixtures";
import { inIsolation } from "./deployment";
import type { Address, Params, State } from "../../src";

/** Upstream perun-eth-contracts v1.0.0 figures (issue 3) and our goals, per scenario. */
export const REFERENCE = {
  depositEthFirst: { upstream: 45_806, goal: 45_806 },
  depositEthTopUp: { upstream: 28_706, goal: 28_706 },
  depositErc20First: { upstream: 64_207, goal: 64_207 },
  concludeFinalEth: { upstream: 153_137, goal: 122_500 },
  concludeFinalEthErc20: { upstream: 204_647, goal: 163_700 },
  withdrawEth: { upstream: 42_949, goal: 42_949 },
  withdrawErc20: { upstream: 51_957, goal: 51_957 },
  registerFirst: { upstream: 110_144, goal: 88_100 },
  registerRefutation: { upstream: 78_262, goal: 62_600 },
  concludeAfterTimeout: { upstream: 104_575, goal: 83_600 },
  happyExit: { upstream: 239_023, goal: 208_000 },
  disputeExit: { upstream: 300_645, goal: 257_000 },
} as const;

export type Scenario = keyof typeof REFERENCE;
export type GasFigures = Record<Scenario, number>;

const DEPOSIT = 10n ** 18n;

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<number> {
  const receipt = await (await tx).wait();
  if (!receipt || receipt.status !== 1) throw new Error("benchmark transaction failed");
  return Number(receipt.gasUsed);
}

/** A funded two-party channel whose participants deposited into the given holders. */
async function fundedChannel(d: Deployment, holders: ("eth" | "erc20")[]) {
  const params = makeParams(d.parts);
  const assets = [];
  for (const kind of holders) {
    const holder = kind === "eth" ? d.ethHolder : d.erc20Holder;
    const address = (await holder.getAddress()) as Address;
    assets.push(evmAsset(d.chainId, address));
    for (const p of d.parts) {
      const fid = fundingIdOf(params, p);
      const value = kind === "eth" ? DEPOSIT : 0n;
      await (await holder.connect(p.wallet).deposit(fid, DEPOSIT, { value })).wait();
    }
  }
  // Both participants end with a non-zero balance, different from their deposits.
  const balances = holders.map(() => [DEPOSIT / 2n, DEPOSIT + DEPOSIT / 2n]);
  return { params, assets, balances };
}

function finalState(params: Params, assets: State["outcome"]["assets"], balances: bigint[][], version = 5n): State {
  return makeState(params, { version, assets, balances, isFinal: true });
}

/** Runs every scenario on fresh deterministic deployments and returns gas used per scenario. */
export async function measureAll(): Promise<GasFigures> {
  const g: Partial<GasFigures> = {};

  await inIsolation(async (d) => {
    const params = makeParams(d.parts);
    const [a, b] = d.parts;
    const fid = fundingIdOf(params, a);
    g.depositEthFirst = await gasOf(d.ethHolder.connect(a.wallet).deposit(fid, DEPOSIT, { value: DEPOSIT }));
    g.depositEthTopUp = await gasOf(d.ethHolder.connect(a.wallet).deposit(fid, DEPOSIT, { value: DEPOSIT }));
    // The holder already holds tokens (B deposited first), so the figure is A's first deposit
    // for its funding ID, not the token's first-ever credit to the holder's address.
    await (await d.erc20Holder.connect(b.wallet).deposit(fundingIdOf(params, b), DEPOSIT)).wait();
    g.depositErc20First = await gasOf(d.erc20Holder.connect(a.wallet).deposit(fid, DEPOSIT));
  });

  await inIsolation(async (d) => {
    const { params, assets, balances } = await fundedChannel(d, ["eth"]);
    const state = finalState(params, assets, balances);
    const [a, b] = d.parts;
    g.concludeFinalEth = await gasOf(
      d.adjudicator.connect(a.wallet).concludeFinal(params, state, signAll(state, d.parts)),
    );
    const wa = signedWithdrawal(state.channelID, a, balances[0][0]);
    const wb = signedWithdrawal(state.channelID, b, balances[0][1]);
    g.withdrawEth = await gasOf(d.ethHolder.connect(a.wallet).withdraw(wa.auth, wa.sig));
    const withdrawEthB = await gasOf(d.ethHolder.connect(b.wallet).withdraw(wb.auth, wb.sig));
    g.happyExit = g.concludeFinalEth + g.withdrawEth + withdrawEthB;
  });

  await inIsolation(async (d) => {
    const { params, assets, balances } = await fundedChannel(d, ["eth", "erc20"]);
    const state = finalState(params, assets, balances);
    const [a] = d.parts;
    g.concludeFinalEthErc20 = await gasOf(
      d.adjudicator.connect(a.wallet).concludeFinal(params, state, signAll(state, d.parts)),
    );
    const w = signedWithdrawal(state.channelID, a, balances[1][0]);
    g.withdrawErc20 = await gasOf(d.erc20Holder.connect(a.wallet).withdraw(w.auth, w.sig));
  });

  await inIsolation(async (d) => {
    const { params, assets, balances } = await fundedChannel(d, ["eth"]);
    const [a, b] = d.parts;
    const s1 = makeState(params, { version: 1n, assets, balances });
    const s2 = makeState(params, { version: 2n, assets, balances: [[balances[0][1], balances[0][0]]] });
    g.registerFirst = await gasOf(d.adjudicator.connect(a.wallet).register(signedState(params, s1, d.parts), []));
    g.registerRefutation = await gasOf(d.adjudicator.connect(b.wallet).register(signedState(params, s2, d.parts), []));
    await time.increase(params.challengeDuration);
    g.concludeAfterTimeout = await gasOf(d.adjudicator.connect(b.wallet).conclude(params, s2, []));
    const wa = signedWithdrawal(s2.channelID, a, s2.outcome.balances[0][0]);
    const wb = signedWithdrawal(s2.channelID, b, s2.outcome.balances[0][1]);
    const withdrawA = await gasOf(d.ethHolder.connect(a.wallet).withdraw(wa.auth, wa.sig));
    const withdrawB = await gasOf(d.ethHolder.connect(b.wallet).withdraw(wb.auth, wb.sig));
    g.disputeExit = g.registerFirst + g.concludeAfterTimeout + withdrawA + withdrawB;
  });

  return g as GasFigures;
}

/**
 * Channel 1: open and fund on three chains, K off-chain updates, then ONE final state signed
 * once by everyone settles all three: EVM concludeFinal + withdrawals, ICP conclude +
 * withdrawals, CKB close with payout outputs. Every participant must receive exactly its final
 * balance on each chain, and every holder, the canister and the channel's cells end empty.
 */
import { hashState } from "../../../src";
import { formatCount } from "../../lib/format";
import { balanceSheet, checkPayouts, withdrawAll } from "../evm/channelOps";
import type { DemoPayout } from "../types";
import { openAndFund, payOffChain } from "./openChannel";
import { describeBalances } from "./plan";
import type { ThreeChainWorld } from "./world";

export const COOPERATIVE_PHASES = { fund: "channel 1: open and fund", close: "channel 1: cooperative close" } as const;

export async function runCooperative(w: ThreeChainWorld, updates: number): Promise<DemoPayout[]> {
  const { log, check, people, evm } = w;
  const [alice, bob] = people;
  log.section("channel 1: open and fund on three chains, pay off-chain, close together with one final state");
  const before = await balanceSheet(evm);
  const channel = await openAndFund(w, "channel 1", COOPERATIVE_PHASES.fund, 60n);
  payOffChain(w, channel, updates);
  const final = channel.update(channel.latest.state.outcome.balances, true);
  log.step(`off-chain version ${final.state.version}: everyone signs the same balances with isFinal = true, once`);
  log.detail(
    `state hash ${hashState(final.state)}: ${describeBalances(w.assets, people, final.state.outcome.balances)}`,
  );
  const balances = final.state.outcome.balances;
  const phase = COOPERATIVE_PHASES.close;
  const payouts: DemoPayout[] = [];

  // EVM: one concludeFinal, then each participant withdraws each asset.
  const r = evm.tx.receipt(
    phase,
    "concludeFinal",
    bob.name,
    await evm.clients[bob.name].concludeFinal({ params: channel.params, ...final }),
  );
  log.step(`EVM: ${bob.name} submits the final state: concludeFinal (${formatCount(r.gasUsed)} gas)`);
  check.equal("EVM: adjudicator phase", "concluded", (await evm.clients[alice.name].channelStatus(channel.id)).phase);
  await withdrawAll(evm, phase, channel, balances);
  payouts.push(...(await checkPayouts(evm, Object.values(COOPERATIVE_PHASES), channel, before, balances, "final")));
  await checkEvmHoldersEmpty(w);

  // ICP: the same signed state, conclude; then signed withdrawals.
  const icpRow = w.assets.indexOf(w.icp.asset);
  w.icp.checkSettledRecord(
    "conclude with the final state",
    await w.icp.conclude(phase, alice, channel, final),
    balances[icpRow],
  );
  payouts.push(...(await w.icp.withdrawAll(phase, channel, balances[icpRow])));

  // CKB: the same signed state closes the channel cell and pays the outputs.
  payouts.push(...(await w.ckb.close(phase, alice, channel, final)));
  return payouts;
}

/** Every EVM asset holder holds nothing (what was deposited was paid out, and no more). */
export async function checkEvmHoldersEmpty(w: ThreeChainWorld): Promise<void> {
  for (const asset of w.evm.assets) {
    const left = await asset.balanceOf(asset.holderAddress);
    w.check.equal(`EVM: ${asset.symbol} left in its holder`, 0n, left);
  }
}

/**
 * Channel 2, the dispute across three chains: after K updates (the last one Bob paying Alice),
 * Bob stops cooperating and registers the previous — stale but fully signed — state on the EVM
 * and on CKB. Alice refutes with her latest state on both and registers it on ICP. Premature
 * conclusions are refused (EVM DisputeTimeoutNotPassed, ICP WindowStillOpen, CKB
 * WINDOW_NOT_OVER), as are Bob's further stale registrations (EVM DisputeStaleVersion, CKB
 * STALE_VERSION, ICP StaleVersion); after the window each chain
 * concludes and pays the latest state. Every participant must receive exactly its latest
 * balance on each chain, and every holder, the canister and the channel's cells end empty.
 */
import { formatCount } from "../../lib/format";
import { balanceSheet, checkPayouts, withdrawAll } from "../evm/channelOps";
import type { DemoPayout } from "../types";
import { checkEvmHoldersEmpty } from "./cooperative";
import { openAndFund, payOffChain } from "./openChannel";
import { describeBalances } from "./plan";
import type { ThreeChainWorld } from "./world";

export const DISPUTE_PHASES = {
  fund: "channel 2: open and fund",
  dispute: "channel 2: dispute",
  conclude: "channel 2: conclude and withdraw",
} as const;

/** Challenge window of channel 2, seconds. */
export const DISPUTE_WINDOW = 600n;

export async function runDispute(w: ThreeChainWorld, updates: number): Promise<DemoPayout[]> {
  const { log, check, people, evm, icp, ckb } = w;
  const [alice, bob] = people;
  const hre = evm.hre;
  log.section("channel 2: Bob registers a stale state on EVM and CKB, Alice refutes there and registers on ICP");
  const before = await balanceSheet(evm);
  const channel = await openAndFund(w, "channel 2", DISPUTE_PHASES.fund, DISPUTE_WINDOW);
  payOffChain(w, channel, updates);
  const latest = channel.latest;
  const stale = channel.at(latest.state.version - 1n);
  const v = (s: typeof latest) => `version ${s.state.version}`;
  log.step(
    `Bob stops cooperating. He prefers ${v(stale)} (${describeBalances(w.assets, people, stale.state.outcome.balances)}) ` +
      `to the latest ${v(latest)}, and both are signed by everyone`,
  );
  let phase: string = DISPUTE_PHASES.dispute;

  // Bob registers the stale state on the EVM and on CKB.
  const bobEvm = evm.clients[bob.name];
  const aliceEvm = evm.clients[alice.name];
  const watchFrom = await hre.ethers.provider.getBlockNumber();
  let r = evm.tx.receipt(
    phase,
    `register ${v(stale)} (stale)`,
    bob.name,
    await bobEvm.register({ params: channel.params, ...stale }),
  );
  log.step(`EVM: ${bob.name} registers the stale ${v(stale)} (${formatCount(r.gasUsed)} gas)`);
  let record = await aliceEvm.channelStatus(channel.id);
  const timeout = record.timeout;
  check.equal("EVM: registered version", stale.state.version, record.version);
  check.equal(
    "CKB: registered version",
    stale.state.version,
    await ckb.dispute(phase, `dispute with ${v(stale)} (stale)`, bob, channel, stale),
  );
  await check.rejectsWith("EVM: Bob's conclude before the window ends", "DisputeTimeoutNotPassed", () =>
    bobEvm.conclude(channel.params, stale.state),
  );

  // Alice's watchers see the registrations (EVM: the Adjudicator's events; CKB: the channel
  // cell's status); she refutes with her latest state and registers it on ICP.
  const events = await aliceEvm.queryEvents({ fromBlock: watchFrom, channelIDs: [channel.id] });
  const seen = events.filter((e) => e.kind === "ChannelUpdate").pop();
  check.equal("EVM: Alice's watcher sees a ChannelUpdate at version", stale.state.version, seen?.version ?? -1n);
  r = evm.tx.receipt(
    phase,
    `refute with ${v(latest)}`,
    alice.name,
    await aliceEvm.refute({ params: channel.params, ...latest }),
  );
  log.step(`EVM: ${alice.name} refutes with ${v(latest)} within the window (${formatCount(r.gasUsed)} gas)`);
  record = await aliceEvm.channelStatus(channel.id);
  check.equal("EVM: registered version", latest.state.version, record.version);
  check.equal("EVM: challenge window not extended by the refutation", timeout, record.timeout);
  check.equal(
    "CKB: registered version",
    latest.state.version,
    await ckb.dispute(phase, `refute with ${v(latest)}`, alice, channel, latest),
  );
  const registered = icp.ok(
    `${alice.name} registers ${v(latest)}`,
    await icp.dispute(phase, `dispute with ${v(latest)}`, alice, channel, latest),
  );
  check.equal("ICP: registered version", latest.state.version, registered.version);

  // Bob tries again with his stale state, and to conclude early: refused everywhere.
  await check.rejectsWith(`EVM: Bob re-registering ${v(stale)}`, "DisputeStaleVersion", () =>
    bobEvm.register({ params: channel.params, ...stale }),
  );
  await ckb.checkStaleRefused(bob, channel, stale);
  icp.refused(
    `Bob registering ${v(stale)} after Alice`,
    "StaleVersion",
    await icp.dispute(phase, `dispute with ${v(stale)}`, bob, channel, stale),
  );
  icp.refused(
    "concludeDispute before the window ends",
    "WindowStillOpen",
    await icp.call(phase, "concludeDispute", bob, (cl) => cl.concludeDispute(channel.id)),
  );

  // The window passes on each chain.
  const now = BigInt((await hre.ethers.provider.getBlock("latest"))!.timestamp);
  const wait = timeout - now + 1n;
  await hre.network.provider.request({ method: "evm_increaseTime", params: [Number(wait)] });
  await hre.network.provider.request({ method: "evm_mine", params: [] });
  icp.advanceTime(DISPUTE_WINDOW + 1n);
  log.step(
    `the window passes: EVM evm_increaseTime ${wait} s; ICP test host clock + ${DISPUTE_WINDOW + 1n} s; ` +
      `CKB: the force-close carries a relative since of ${DISPUTE_WINDOW} s (a node would hold it back until then)`,
  );

  phase = DISPUTE_PHASES.conclude;
  const balances = latest.state.outcome.balances;
  const payouts: DemoPayout[] = [];
  r = evm.tx.receipt(phase, "conclude", alice.name, await aliceEvm.conclude(channel.params, latest.state));
  log.step(`EVM: ${alice.name} concludes with the registered ${v(latest)} (${formatCount(r.gasUsed)} gas)`);
  check.equal("EVM: adjudicator phase", "concluded", (await aliceEvm.channelStatus(channel.id)).phase);
  await withdrawAll(evm, phase, channel, balances);
  payouts.push(
    ...(await checkPayouts(evm, Object.values(DISPUTE_PHASES), channel, before, balances, `latest (${v(latest)})`)),
  );
  await checkEvmHoldersEmpty(w);

  const icpRow = w.assets.indexOf(icp.asset);
  icp.checkSettledRecord(
    "concludeDispute after the window",
    await icp.call(phase, "concludeDispute", alice, (cl) => cl.concludeDispute(channel.id)),
    balances[icpRow],
  );
  payouts.push(...(await icp.withdrawAll(phase, channel, balances[icpRow])));

  payouts.push(...(await ckb.forceClose(phase, alice, channel, balances)));
  return payouts;
}

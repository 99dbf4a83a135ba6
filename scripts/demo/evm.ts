/**
 * The EVM chain of `npm start`: the whole Perun lifecycle on a Hardhat network (in-process by
 * default), with the library doing all off-chain work. Set-up (deploy, fund, approve), then
 * channel 1 (cooperative close) and channel 2 (dispute with refutation), then a solvency check:
 * the holders keep nothing — everything deposited was paid out, and nothing more.
 *
 * Costs are reported in gas, per transaction.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { Checker } from "./checker";
import { runCooperativeChannel } from "./evm/cooperativeChannel";
import { runDisputedChannel } from "./evm/disputedChannel";
import { fmt } from "./evm/channelOps";
import { TxRecorder } from "./evm/txRecorder";
import { setUpEvmWorld } from "./evm/world";
import type { ChainDemo, ChainReport, DemoContext } from "./types";

/** The EVM demo on `hre`'s network (must be `hardhat` or `localhost`). */
export function evmDemo(hre: HardhatRuntimeEnvironment): ChainDemo {
  return {
    chain: "EVM",
    unit: "gas",
    async run(ctx: DemoContext): Promise<ChainReport> {
      ctx.log.heading(`EVM: Solidity Adjudicator and asset holders on Hardhat network "${hre.network.name}"`);
      const check = new Checker(ctx.log);
      const tx = new TxRecorder();
      const world = await setUpEvmWorld(hre, ctx, check, tx);
      const payouts = [...(await runCooperativeChannel(world)), ...(await runDisputedChannel(world))];

      world.log.section("solvency");
      for (const [a, asset] of world.assets.entries()) {
        const left = await asset.balanceOf(await asset.holder.getAddress());
        check.equal(`${asset.symbol} left in its holder after both channels`, 0n, left, fmt(world, a, left));
      }
      return {
        chain: "EVM",
        environment: `Hardhat network "${hre.network.name}", chain ID ${world.chainId}`,
        unit: "gas",
        steps: tx.steps,
        checks: check.count,
        payouts,
      };
    },
  };
}

/**
 * Set-up of the three chains for one run of `npm start`: the EVM contracts on Hardhat's network,
 * the canister in the test host, the CKB scripts in the CKB VM — and the channel's asset list,
 * which needs all three (holder addresses, the ledger's principal, the UDT's type hash).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { BACKEND_ETH } from "../../../src";
import type { Checker } from "../checker";
import { CkbLeg } from "../ckb/ckbLeg";
import { TxRecorder } from "../evm/txRecorder";
import { setUpEvmWorld } from "../evm/world";
import type { EvmWorld } from "../evm/world";
import { IcpLeg } from "../icp/icpLeg";
import type { DemoPerson } from "../people";
import type { ChainCosts, DemoLog } from "../types";
import type { DemoAsset } from "./plan";

/** Everything the channel stories use. */
export interface ThreeChainWorld {
  people: DemoPerson[];
  log: DemoLog;
  check: Checker;
  evm: EvmWorld;
  icp: IcpLeg;
  ckb: CkbLeg;
  /** The channel's assets in outcome order: ETH, PDT (EVM), TST (ICP), CKB, UDT (CKB). */
  assets: DemoAsset[];
}

/** Where each chain records its steps; filled while the world is set up, so a failure still shows costs. */
export interface CostSinks {
  evm: TxRecorder;
  icp?: IcpLeg;
  ckb?: CkbLeg;
  evmEnvironment: string;
}

/** The cost records of every chain that got as far as recording one. */
export function chainCosts(sinks: CostSinks): ChainCosts[] {
  const out: ChainCosts[] = [{ chain: "EVM", environment: sinks.evmEnvironment, unit: "gas", steps: sinks.evm.steps }];
  if (sinks.icp) out.push(sinks.icp.costs);
  if (sinks.ckb) out.push(sinks.ckb.costs);
  return out;
}

/** Sets up the three chains; see the file comment. */
export async function setUpThreeChains(
  hre: HardhatRuntimeEnvironment,
  people: DemoPerson[],
  log: DemoLog,
  check: Checker,
  sinks: CostSinks,
): Promise<ThreeChainWorld> {
  log.section("set-up: deploy on three chains, give every participant funds");
  log.step(`participants: ${people.map((p) => `${p.name} ${p.display}`).join(", ")}`);
  const evm = await setUpEvmWorld(hre, people, log, check, sinks.evm);
  sinks.evmEnvironment = `Hardhat network "${hre.network.name}", chain ID ${evm.chainId}`;
  const icp = await IcpLeg.create(people, log, check);
  sinks.icp = icp;
  const ckb = new CkbLeg(people, log, check);
  sinks.ckb = ckb;
  const assets: DemoAsset[] = [
    ...evm.assets.map((a) => ({
      chain: "EVM" as const,
      symbol: a.symbol,
      decimals: a.decimals,
      asset: a.asset,
      backend: BACKEND_ETH,
    })),
    icp.asset,
    ...ckb.assets,
  ];
  return { people, log, check, evm, icp, ckb, assets };
}

/** A fresh recorder and an environment label to fill once the EVM network is known. */
export function newCostSinks(): CostSinks {
  return { evm: new TxRecorder(), evmEnvironment: "Hardhat network (not reached)" };
}

/**
 * Set-up of the EVM side of the demo: deploys the system with `deployEvm` (the deploy script's
 * own function) plus a demo ERC-20, funds every participant with ETH, and has each approve the
 * ERC-20 holder. Everything the channel stories need on the EVM is returned as one `EvmWorld`.
 */
import { Wallet, getAddress, parseEther, parseUnits } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import type { Address, Asset } from "../../../src";
import { PerunEvmClient } from "../../../src/evm";
import { TestToken__factory } from "../../../typechain/evm";
import type { TestToken } from "../../../typechain/evm";
import { deployEvm } from "../../lib/evm/deployEvm";
import { formatAmount, formatCount } from "../../lib/format";
import { DemoNetworkError } from "../../lib/scriptErrors";
import type { Checker } from "../checker";
import type { DemoPerson } from "../people";
import type { DemoLog } from "../types";
import type { TxRecorder } from "./txRecorder";

/** One asset of the demo channels, with what the stories need to move and observe it. */
export interface EvmAsset {
  symbol: string;
  decimals: number;
  /** The asset as it appears in channel states. */
  asset: Asset;
  /** Its address (lowercase). */
  holderAddress: Address;
  /** ETH: the deposit's `msg.value` is the amount; ERC-20: zero. */
  isEth: boolean;
  /** Wallet balance of `address` in this asset. */
  balanceOf(address: string): Promise<bigint>;
}

/** Everything the channel stories use. */
export interface EvmWorld {
  hre: HardhatRuntimeEnvironment;
  chainId: bigint;
  /** [ETH, PDT] — the first two assets of every channel state, in this order. */
  assets: EvmAsset[];
  people: DemoPerson[];
  /** Each person's EVM client (`perun-adjudicators/evm`), sending from that person's wallet. */
  clients: Record<string, PerunEvmClient>;
  log: DemoLog;
  check: Checker;
  tx: TxRecorder;
}

/** Networks where the demo may run: it mints ETH-less test wallets and moves chain time. */
const DEV_NETWORKS = ["hardhat", "localhost"];

/** ETH each participant gets from the deployer for deposits and gas. */
export const ETH_PER_PERSON = parseEther("20");
/** Demo tokens minted to each participant. */
export const PDT_PER_PERSON = parseUnits("1000", 18);

const PHASE = "setup";

/** Deploys and funds everything; see the file comment. */
export async function setUpEvmWorld(
  hre: HardhatRuntimeEnvironment,
  people: DemoPerson[],
  log: DemoLog,
  check: Checker,
  tx: TxRecorder,
): Promise<EvmWorld> {
  if (!DEV_NETWORKS.includes(hre.network.name)) {
    throw new DemoNetworkError(hre.network.name, `it needs a development network (${DEV_NETWORKS.join(", ")})`);
  }
  const [deployer] = await hre.ethers.getSigners();
  if (!deployer) throw new DemoNetworkError(hre.network.name, "the network has no funded account to deploy from");
  log.step(`EVM: Hardhat network "${hre.network.name}"`);

  // The demo token exists before the system, as a real token would.
  const token: TestToken = await deployDemoToken(deployer, people, log, tx);
  const tokenAddress = (await token.getAddress()).toLowerCase() as Address;

  log.step(
    "EVM: deploying Adjudicator, AssetHolderETH and AssetHolderERC20 (PDT) with deployEvm, as scripts/deploy-evm.ts does:",
  );
  const deployment = await deployEvm({
    signer: deployer,
    artifacts: hre.artifacts,
    networkName: hre.network.name,
    tokens: [tokenAddress],
    log: (line) => log.detail(line),
  });
  const c = deployment.record.contracts;
  tx.record({ phase: PHASE, action: "deploy Adjudicator", actor: "deployer", cost: BigInt(c.Adjudicator.gasUsed) });
  tx.record({
    phase: PHASE,
    action: "deploy AssetHolderETH",
    actor: "deployer",
    cost: BigInt(c.AssetHolderETH.gasUsed),
  });
  tx.record({
    phase: PHASE,
    action: "deploy AssetHolderERC20 (PDT)",
    actor: "deployer",
    cost: BigInt(c.AssetHolderERC20[0].gasUsed),
  });
  const chainId = BigInt(deployment.record.chainId);
  const ethHolderAddress = c.AssetHolderETH.address;
  const erc20HolderAddress = c.AssetHolderERC20[0].address;
  const provider = hre.ethers.provider;
  const assets: EvmAsset[] = [
    {
      symbol: "ETH",
      decimals: 18,
      asset: evmAsset(chainId, ethHolderAddress),
      holderAddress: ethHolderAddress.toLowerCase() as Address,
      isEth: true,
      balanceOf: (a) => provider.getBalance(a),
    },
    {
      symbol: "PDT",
      decimals: 18,
      asset: evmAsset(chainId, erc20HolderAddress),
      holderAddress: erc20HolderAddress.toLowerCase() as Address,
      isEth: false,
      balanceOf: (a) => token.balanceOf(a),
    },
  ];

  const wallets: Record<string, Wallet> = {};
  for (const p of people) {
    wallets[p.name] = new Wallet(p.privateKey, provider);
    const r = await tx.send(PHASE, `send ${p.name} 20 ETH`, "deployer", () =>
      deployer.sendTransaction({ to: p.address, value: ETH_PER_PERSON }),
    );
    log.step(
      `EVM: deployer sends ${p.name} ${formatAmount(ETH_PER_PERSON, 18, "ETH")} for deposits and gas (${formatCount(r.gasUsed)} gas)`,
    );
  }
  for (const p of people) {
    // One approval for everything the demo deposits, as a wallet would ask once.
    const r = await tx.send(PHASE, "approve PDT for AssetHolderERC20", p.name, () =>
      token.connect(wallets[p.name]).approve(erc20HolderAddress, PDT_PER_PERSON),
    );
    log.step(
      `EVM: ${p.name} approves the PDT holder to pull up to ${formatAmount(PDT_PER_PERSON, 18, "PDT")} (${formatCount(r.gasUsed)} gas)`,
    );
  }

  // The clients a wallet would build from the deployment record.
  const clients: Record<string, PerunEvmClient> = {};
  for (const p of people) clients[p.name] = await PerunEvmClient.fromDeployment(deployment.record, wallets[p.name]);

  return { hre, chainId, assets, people, clients, log, check, tx };
}

async function deployDemoToken(
  deployer: Awaited<ReturnType<HardhatRuntimeEnvironment["ethers"]["getSigners"]>>[number],
  people: DemoPerson[],
  log: DemoLog,
  tx: TxRecorder,
): Promise<TestToken> {
  const factory = new TestToken__factory(deployer);
  let token: TestToken | undefined;
  const r = await tx.send(PHASE, "deploy demo token PDT (not part of Perun)", "deployer", async () => {
    token = await factory.deploy(
      "Perun Demo Token",
      "PDT",
      people.map((p) => p.address),
      PDT_PER_PERSON,
    );
    return token.deploymentTransaction()!;
  });
  log.step(
    `EVM: deployed the demo ERC-20 "PDT" at ${getAddress(r.contractAddress!)}, ` +
      `${formatAmount(PDT_PER_PERSON, 18, "PDT")} for each participant (${formatCount(r.gasUsed)} gas)`,
  );
  return token!;
}

/** An EVM asset of a channel state (DESIGN.md §2): this chain's ID, the holder, 32 zero bytes as ccHolder. */
function evmAsset(chainId: bigint, holder: string): Asset {
  return { chainID: chainId, ethHolder: holder.toLowerCase() as Address, ccHolder: `0x${"00".repeat(32)}` };
}

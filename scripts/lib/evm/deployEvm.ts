/**
 * Deploys the EVM side of Perun — one Adjudicator, one AssetHolderETH and one AssetHolderERC20
 * per token — with any ethers signer, and returns typed contract handles plus the deployment
 * record. Used by `scripts/deploy-evm.ts`, by `npm start` and by the tests, so all of them
 * deploy exactly the same way.
 *
 * Order of work, chosen so that a mistake costs nothing: probe every token, estimate the whole
 * deployment and compare with the deployer's balance, and only then send transactions, one at
 * a time, each confirmed before the next; finally check that the holders point at the
 * adjudicator (and token) they were given.
 *
 * Bytecode comes from Hardhat's artifacts (not from the TypeChain factories) so the compiler
 * recorded in the deployment record is the one that built what was deployed.
 */
import { ContractFactory, formatEther, getAddress } from "ethers";
import type { ContractTransactionResponse, Signer, TransactionReceipt } from "ethers";
import type { Artifacts } from "hardhat/types";
import type { Address } from "../../../src";
import { Adjudicator__factory, AssetHolderERC20__factory, AssetHolderETH__factory } from "../../../typechain/evm";
import type { Adjudicator, AssetHolderERC20, AssetHolderETH } from "../../../typechain/evm";
import { formatCount } from "../format";
import {
  DeployEstimateError,
  DeployTransactionError,
  DeployerUnderfundedError,
  DeploymentVerificationError,
} from "../scriptErrors";
import { shortReason } from "../shortReason";
import type { CompilerInfo, DeployedContract, DeployedErc20Holder, DeploymentRecord } from "./deploymentRecord";
import { probeErc20 } from "./probeErc20";
import type { Erc20Info } from "./probeErc20";

/** Options of `deployEvm`. */
export interface DeployEvmOptions {
  /** Pays for and sends every deployment; must be connected to a provider. */
  signer: Signer;
  /** Source of bytecode and compiler metadata (Hardhat's `hre.artifacts`). */
  artifacts: Pick<Artifacts, "readArtifact" | "getBuildInfo">;
  /** Network name for the record (e.g. "localhost"). */
  networkName: string;
  /** ERC-20 tokens that get an AssetHolderERC20 each (validated addresses). */
  tokens?: Address[];
  /** Progress sink; one line per call. */
  log?: (line: string) => void;
}

/** An ERC-20 holder and its token. */
export interface Erc20HolderDeployment {
  token: Erc20Info;
  holder: AssetHolderERC20;
}

/** Result of `deployEvm`. */
export interface EvmDeployment {
  adjudicator: Adjudicator;
  ethHolder: AssetHolderETH;
  erc20Holders: Erc20HolderDeployment[];
  record: DeploymentRecord;
}

/** Safety margin on the cost estimate: fees can rise between estimate and inclusion. */
const FEE_MARGIN_PERCENT = 120n;

/** Deploys the contracts; see the file comment for the order of checks. */
export async function deployEvm(options: DeployEvmOptions): Promise<EvmDeployment> {
  const { signer, artifacts, networkName } = options;
  const tokens = options.tokens ?? [];
  const log = options.log ?? (() => undefined);
  const provider = signer.provider;
  if (!provider) throw new DeployEstimateError("the contracts", "the signer is not connected to a provider");

  const { chainId } = await provider.getNetwork();
  const deployer = getAddress(await signer.getAddress());
  log(`network ${networkName} (chain ID ${chainId}), deployer ${deployer}`);

  // 1. Tokens: a holder bound to a wrong address could never be fixed.
  const tokenInfos: Erc20Info[] = [];
  for (const token of tokens) {
    const info = await probeErc20(provider, token, chainId);
    log(`token ${getAddress(token)}: ERC-20 ${info.symbol ?? "(no symbol)"}, decimals ${info.decimals ?? "n/a"}`);
    tokenInfos.push(info);
  }

  // 2. Factories from the compiled artifacts.
  const adjudicatorFactory = await factory(artifacts, "Adjudicator", signer);
  const ethHolderFactory = await factory(artifacts, "AssetHolderETH", signer);
  const erc20HolderFactory = await factory(artifacts, "AssetHolderERC20", signer);

  // 3. Estimate everything and refuse if the deployer cannot pay. The holders are estimated
  // with the deployer as a stand-in adjudicator (any non-zero address costs the same).
  const plan: [string, ContractFactory, unknown[]][] = [
    ["Adjudicator", adjudicatorFactory, []],
    ["AssetHolderETH", ethHolderFactory, [deployer]],
    ...tokenInfos.map((t): [string, ContractFactory, unknown[]] => [
      holderLabel(t),
      erc20HolderFactory,
      [deployer, t.address],
    ]),
  ];
  let totalGas = 0n;
  for (const [label, f, args] of plan) {
    try {
      const tx = await f.getDeployTransaction(...args);
      totalGas += await provider.estimateGas({ ...tx, from: deployer });
    } catch (e) {
      throw new DeployEstimateError(label, shortReason(e), e);
    }
  }
  const fees = await provider.getFeeData();
  const feePerGas = fees.maxFeePerGas ?? fees.gasPrice ?? 0n;
  const required = (totalGas * feePerGas * FEE_MARGIN_PERCENT) / 100n;
  const balance = await provider.getBalance(deployer);
  log(
    `estimate: ${formatCount(totalGas)} gas for ${plan.length} contracts, up to ${formatEther(required)} ETH; ` +
      `deployer holds ${formatEther(balance)} ETH`,
  );
  if (balance < required) throw new DeployerUnderfundedError(deployer, balance, required);

  // 4. Deploy, one confirmed transaction at a time.
  const adjudicatorTx = await send("Adjudicator", adjudicatorFactory, [], log);
  const adjudicatorAddress = adjudicatorTx.address;
  const ethHolderTx = await send("AssetHolderETH", ethHolderFactory, [adjudicatorAddress], log);
  const erc20Txs: DeployedContract[] = [];
  for (const t of tokenInfos) {
    erc20Txs.push(await send(holderLabel(t), erc20HolderFactory, [adjudicatorAddress, t.address], log));
  }

  // 5. Check the wiring through the typed bindings.
  const adjudicator = Adjudicator__factory.connect(adjudicatorAddress, signer);
  const ethHolder = AssetHolderETH__factory.connect(ethHolderTx.address, signer);
  expectAddress("AssetHolderETH", "adjudicator()", adjudicatorAddress, await ethHolder.adjudicator());
  const erc20Holders: Erc20HolderDeployment[] = [];
  for (const [i, t] of tokenInfos.entries()) {
    const holder = AssetHolderERC20__factory.connect(erc20Txs[i].address, signer);
    const label = holderLabel(t);
    expectAddress(label, "adjudicator()", adjudicatorAddress, await holder.adjudicator());
    expectAddress(label, "token()", getAddress(t.address), await holder.token());
    erc20Holders.push({ token: t, holder });
  }
  for (const c of [adjudicatorTx, ethHolderTx, ...erc20Txs]) {
    if ((await provider.getCode(c.address)) === "0x") {
      throw new DeploymentVerificationError(c.address, "contract code", "non-empty code", "0x");
    }
  }

  // 6. The record.
  const all = [adjudicatorTx, ethHolderTx, ...erc20Txs];
  const lastBlock = await provider.getBlock(Math.max(...all.map((c) => c.block)));
  const record: DeploymentRecord = {
    network: networkName,
    chainId: Number(chainId),
    deployer,
    compiler: await compilerInfo(artifacts),
    startBlock: Math.min(...all.map((c) => c.block)),
    deployedAt: new Date(Number(lastBlock?.timestamp ?? 0) * 1000).toISOString(),
    contracts: {
      Adjudicator: adjudicatorTx,
      AssetHolderETH: { ...ethHolderTx, adjudicator: adjudicatorAddress },
      AssetHolderERC20: tokenInfos.map((t, i): DeployedErc20Holder => ({
        ...erc20Txs[i],
        adjudicator: adjudicatorAddress,
        token: getAddress(t.address),
        ...(t.symbol === undefined ? {} : { symbol: t.symbol }),
        ...(t.decimals === undefined ? {} : { decimals: t.decimals }),
      })),
    },
    totalGasUsed: all.reduce((sum, c) => sum + c.gasUsed, 0),
  };
  log(`deployed ${all.length} contracts, ${formatCount(record.totalGasUsed)} gas in total`);
  return { adjudicator, ethHolder, erc20Holders, record };
}

function holderLabel(t: Erc20Info): string {
  return `AssetHolderERC20(${t.symbol ?? getAddress(t.address)})`;
}

async function factory(
  artifacts: Pick<Artifacts, "readArtifact">,
  name: string,
  signer: Signer,
): Promise<ContractFactory> {
  const artifact = await artifacts.readArtifact(name);
  return new ContractFactory(artifact.abi, artifact.bytecode, signer);
}

/** Sends one deployment and waits for its receipt; logs the hash at once and the result after. */
async function send(
  label: string,
  f: ContractFactory,
  args: unknown[],
  log: (line: string) => void,
): Promise<DeployedContract> {
  let tx: ContractTransactionResponse | null;
  try {
    tx = (await f.deploy(...args)).deploymentTransaction();
  } catch (e) {
    throw new DeployTransactionError(label, shortReason(e), undefined, e);
  }
  if (!tx) throw new DeployTransactionError(label, "no deployment transaction was created");
  log(`${label}: sent ${tx.hash}`);
  let receipt: TransactionReceipt | null;
  try {
    receipt = await tx.wait();
  } catch (e) {
    throw new DeployTransactionError(label, shortReason(e), tx.hash, e);
  }
  if (!receipt || receipt.status !== 1 || !receipt.contractAddress) {
    throw new DeployTransactionError(label, "the transaction reverted or created no contract", tx.hash);
  }
  const deployed: DeployedContract = {
    address: getAddress(receipt.contractAddress),
    txHash: receipt.hash,
    block: receipt.blockNumber,
    gasUsed: Number(receipt.gasUsed),
  };
  log(`${label}: deployed at ${deployed.address} (block ${deployed.block}, ${formatCount(deployed.gasUsed)} gas)`);
  return deployed;
}

function expectAddress(contract: string, what: string, expected: string, actual: string): void {
  if (getAddress(actual) !== getAddress(expected)) {
    throw new DeploymentVerificationError(contract, what, getAddress(expected), getAddress(actual));
  }
}

async function compilerInfo(artifacts: Pick<Artifacts, "getBuildInfo">): Promise<CompilerInfo> {
  const build = await artifacts.getBuildInfo("contracts/Adjudicator.sol:Adjudicator");
  if (!build) return { solc: "unknown (no Hardhat build info)" };
  const settings = build.input.settings as { optimizer?: { enabled?: boolean; runs?: number }; evmVersion?: string };
  return {
    solc: build.solcLongVersion,
    ...(settings.optimizer
      ? { optimizer: { enabled: settings.optimizer.enabled, runs: settings.optimizer.runs } }
      : {}),
    ...(settings.evmVersion ? { evmVersion: settings.evmVersion } : {}),
  };
}

/**
 * Deterministic deployment for the gas benchmarks.
 *
 * Gas depends on calldata bytes, and calldata contains the holder addresses, so the contracts
 * must land at the same addresses whatever tests ran before in the same Hardhat network. A
 * dedicated deployer key (never used elsewhere) starts every benchmark group from nonce 0,
 * because each group runs between an `evm_snapshot` and an `evm_revert`.
 */
import { ethers, network } from "hardhat";
import { MaxUint256 } from "ethers";
import { makeParticipants, TOKEN_BALANCE } from "../evm/fixtures";
import type { Deployment } from "../evm/fixtures";
import type { Adjudicator, AssetHolderERC20, AssetHolderETH, TestToken, TrivialApp } from "../../typechain/evm";
import type { Hex } from "../../src";

/** Private key of the benchmark deployer (keccak256("perun-gas-deployer")). */
const DEPLOYER_KEY = ethers.id("perun-gas-deployer") as Hex;

/**
 * Deploys the system from the benchmark deployer. Participants approve the ERC-20 holder for
 * an unlimited amount, so a deposit's `transferFrom` does not rewrite the allowance: the
 * setting under which upstream's ERC-20 figures were measured (a finite allowance adds the
 * token's own allowance write and Approval event, about 4,700 gas, to every deposit).
 */
export async function deployForGas(): Promise<Deployment> {
  const deployer = new ethers.Wallet(DEPLOYER_KEY, ethers.provider);
  await network.provider.send("hardhat_setBalance", [deployer.address, ethers.toQuantity(10n ** 21n)]);
  const parts = await makeParticipants(2);
  const deploy = async (name: string, args: unknown[] = []) => {
    const factory = await ethers.getContractFactory(name, deployer);
    const contract = await factory.deploy(...args);
    await contract.waitForDeployment();
    return contract;
  };
  const adjudicator = (await deploy("Adjudicator")) as unknown as Adjudicator;
  const adjAddress = await adjudicator.getAddress();
  const ethHolder = (await deploy("AssetHolderETH", [adjAddress])) as unknown as AssetHolderETH;
  const token = (await deploy("TestToken", [
    "PerunTestToken",
    "PTT",
    parts.map((p) => p.address),
    TOKEN_BALANCE,
  ])) as unknown as TestToken;
  const erc20Holder = (await deploy("AssetHolderERC20", [
    adjAddress,
    await token.getAddress(),
  ])) as unknown as AssetHolderERC20;
  const trivialApp = (await deploy("TrivialApp")) as unknown as TrivialApp;
  const holderAddress = await erc20Holder.getAddress();
  for (const p of parts) {
    await (await token.connect(p.wallet).approve(holderAddress, MaxUint256)).wait();
  }
  const chainId = (await ethers.provider.getNetwork()).chainId;
  return { adjudicator, ethHolder, erc20Holder, token, trivialApp, chainId, parts };
}

/** Runs `body` on a fresh deterministic deployment and reverts the chain afterwards. */
export async function inIsolation<T>(body: (d: Deployment) => Promise<T>): Promise<T> {
  const snapshot = await network.provider.send("evm_snapshot", []);
  try {
    return await body(await deployForGas());
  } finally {
    await network.provider.send("evm_revert", [snapshot]);
  }
}

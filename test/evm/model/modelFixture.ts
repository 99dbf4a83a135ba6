/**
 * The deployment the model-based property test runs against: one Adjudicator, one
 * AssetHolderETH, one AssetHolderERC20 over a plain TestToken, and CounterApp (a test app with
 * a real turn-taking rule, so force execution can be attacked). Three channel participants
 * (each run picks which one is honest) and an outsider who may deposit, each holding ETH and
 * tokens and having approved the ERC-20 holder. Payout receivers are fresh addresses that hold
 * nothing, so what they receive can be read straight off-chain.
 *
 * Used through `loadFixture(modelFixture)`: every model run starts from the same snapshot.
 */
import { ethers } from "hardhat";
import type { Interface } from "ethers";
import type { Address } from "../../../src";
import type { Adjudicator, AssetHolderERC20, AssetHolderETH, CounterApp, TestToken } from "../../../typechain/evm";
import { TOKEN_BALANCE, makeParticipants } from "../fixtures";
import type { TestParticipant } from "../fixtures";

/** Participants of the model's channels (the first two or three are used per run). */
export const MODEL_PARTICIPANTS = 3;

/** Everything a model run needs from the chain. */
export interface ModelDeployment {
  adjudicator: Adjudicator;
  ethHolder: AssetHolderETH;
  erc20Holder: AssetHolderERC20;
  token: TestToken;
  counterApp: CounterApp;
  /** Holder addresses in asset order: [ETH, ERC-20]. */
  holderAddresses: [Address, Address];
  chainId: bigint;
  /** Channel participants (a run uses the first two or three; `Model.honest` says which is honest). */
  parts: TestParticipant[];
  /** Someone outside the channels who deposits on others' behalf. */
  outsider: TestParticipant;
  /** Receiver of each participant's withdrawals (fresh, empty addresses). */
  receivers: Address[];
  /** Every ABI whose custom errors a model action may revert with. */
  errorInterfaces: Interface[];
}

/** Deploys the model's contracts (fixed keys, so every run and every machine sees the same addresses). */
export async function modelFixture(): Promise<ModelDeployment> {
  // Keys 201.. keep the model's accounts apart from the shared fixtures' participants.
  const accounts = await makeParticipants(MODEL_PARTICIPANTS + 1, 200);
  const parts = accounts.slice(0, MODEL_PARTICIPANTS);
  const outsider = accounts[MODEL_PARTICIPANTS];
  const deployer = parts[0].wallet;
  const adjudicator = (await ethers.deployContract("Adjudicator", [], deployer)) as unknown as Adjudicator;
  const adjAddress = await adjudicator.getAddress();
  const ethHolder = (await ethers.deployContract(
    "AssetHolderETH",
    [adjAddress],
    deployer,
  )) as unknown as AssetHolderETH;
  const token = (await ethers.deployContract(
    "TestToken",
    ["ModelToken", "MDL", accounts.map((a) => a.address), TOKEN_BALANCE],
    deployer,
  )) as unknown as TestToken;
  const erc20Holder = (await ethers.deployContract(
    "AssetHolderERC20",
    [adjAddress, await token.getAddress()],
    deployer,
  )) as unknown as AssetHolderERC20;
  const counterApp = (await ethers.deployContract("CounterApp", [], deployer)) as unknown as CounterApp;
  const erc20Address = (await erc20Holder.getAddress()) as Address;
  for (const a of accounts) {
    await (await token.connect(a.wallet).approve(erc20Address, TOKEN_BALANCE)).wait();
  }
  const receivers = parts.map(
    (_, i) => ethers.getAddress(ethers.dataSlice(ethers.id(`perun-model-receiver-${i}`), 12)).toLowerCase() as Address,
  );
  return {
    adjudicator,
    ethHolder,
    erc20Holder,
    token,
    counterApp,
    holderAddresses: [
      ((await ethHolder.getAddress()) as Address).toLowerCase() as Address,
      erc20Address.toLowerCase() as Address,
    ],
    chainId: (await ethers.provider.getNetwork()).chainId,
    parts,
    outsider,
    receivers,
    errorInterfaces: [
      adjudicator.interface,
      ethHolder.interface,
      erc20Holder.interface,
      counterApp.interface,
      token.interface,
    ],
  };
}

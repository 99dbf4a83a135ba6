/**
 * The ABIs of the deployed contracts, as `as const` arrays (straight from the generated
 * TypeChain factories, so they can never drift from the compiled contracts). Usable with any
 * client library: ethers `new Contract(address, ADJUDICATOR_ABI, runner)`, viem, web3.
 */
import { Adjudicator__factory } from "../../typechain/evm/factories/Adjudicator__factory";
import { App__factory } from "../../typechain/evm/factories/App__factory";
import { AssetHolder__factory } from "../../typechain/evm/factories/AssetHolder__factory";
import { AssetHolderERC20__factory } from "../../typechain/evm/factories/AssetHolderERC20__factory";
import { AssetHolderETH__factory } from "../../typechain/evm/factories/AssetHolderETH__factory";

/** `Adjudicator`: register, progress, conclude, concludeFinal, disputes, ChannelUpdate. */
export const ADJUDICATOR_ABI = Adjudicator__factory.abi;
/** The common asset-holder interface (deposit, withdraw, holdings, settled, events). */
export const ASSET_HOLDER_ABI = AssetHolder__factory.abi;
/** `AssetHolderETH(adjudicator)`. */
export const ASSET_HOLDER_ETH_ABI = AssetHolderETH__factory.abi;
/** `AssetHolderERC20(adjudicator, token)`. */
export const ASSET_HOLDER_ERC20_ABI = AssetHolderERC20__factory.abi;
/** The `App` interface (`validTransition`) that app channels' contracts implement. */
export const APP_ABI = App__factory.abi;

/** Shapes the EVM client's functions take and return. */
import type { Address, Hex, Params, State } from "../index";

/** A state with one signature per participant, in `params.participants` order. */
export interface SignedState {
  params: Params;
  state: State;
  sigs: Hex[];
}

/** An asset holder the client can deposit into: ETH when `token` is absent, else that ERC-20. */
export interface EvmHolder {
  /** The AssetHolderETH or AssetHolderERC20 address. */
  address: Address | string;
  /** The ERC-20 the holder keeps (AssetHolderERC20 only). */
  token?: Address | string;
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title IERC20
 * @notice The part of ERC-20 the token asset holder uses.
 * @dev `transfer` and `transferFrom` are called through `TokenTransfer`, which also accepts
 * tokens that return nothing instead of `true`.
 */
interface IERC20 {
    /**
     * @notice The token balance of `account`.
     * @param account The holder.
     * @return The balance.
     */
    function balanceOf(address account) external view returns (uint256);

    /**
     * @notice Moves `amount` from the caller to `to`.
     * @param to The receiver.
     * @param amount The amount.
     * @return Whether the transfer succeeded (some tokens return nothing).
     */
    function transfer(address to, uint256 amount) external returns (bool);

    /**
     * @notice Moves `amount` from `from` to `to` using the caller's allowance.
     * @param from The payer.
     * @param to The receiver.
     * @param amount The amount.
     * @return Whether the transfer succeeded (some tokens return nothing).
     */
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

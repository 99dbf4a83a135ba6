// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title ContractWallet
 * @notice A receiver whose `receive` needs more than the 2300 gas stipend of `transfer`
 * (it writes storage and logs), like many smart-contract wallets.
 */
contract ContractWallet {
    /// @notice Total received so far.
    uint256 public received;

    /// @notice ETH arrived.
    /// @param from Sender.
    /// @param amount Amount.
    event Received(address indexed from, uint256 amount);

    /// @notice Accepts ETH, spending well over 2300 gas.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        received += msg.value;
        emit Received(msg.sender, msg.value);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestToken} from "./TestToken.sol";

/**
 * @title FeeOnTransferToken
 * @notice An ERC-20 that burns 1% of every transfer, so the receiver gets less than `amount`.
 * The asset holder must credit only what arrived.
 */
contract FeeOnTransferToken is TestToken {
    /// @notice Fee in basis points (1%).
    uint256 public constant FEE_BPS = 100;

    /**
     * @notice Mints `initialBalance` to each of `accounts`.
     * @param accounts Accounts to fund.
     * @param initialBalance Amount per account.
     */
    constructor(address[] memory accounts, uint256 initialBalance) TestToken("Fee", "FEE", accounts, initialBalance) {}

    function _transfer(address from, address to, uint256 amount) internal override {
        uint256 balance = balanceOf[from];
        if (balance < amount) revert TestTokenInsufficientBalance(from, balance, amount);
        uint256 fee = (amount * FEE_BPS) / 10_000;
        unchecked {
            // balance >= amount >= fee; the total supply bounds the receiver's balance.
            balanceOf[from] = balance - amount;
            balanceOf[to] += amount - fee;
            totalSupply -= fee;
        }
        emit Transfer(from, to, amount - fee);
        emit Transfer(from, address(0), fee);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestToken} from "./TestToken.sol";

/**
 * @title ReversingToken
 * @notice A broken ERC-20 whose `transferFrom` reports success but moves the tokens the wrong
 * way (from `to` to `from`), so the receiver's balance goes down. The asset holder measures its
 * balance around a deposit and must refuse one that made it shrink.
 */
contract ReversingToken is TestToken {
    /**
     * @notice Mints `initialBalance` to each of `accounts`.
     * @param accounts Accounts to fund.
     * @param initialBalance Amount per account.
     */
    constructor(
        address[] memory accounts,
        uint256 initialBalance
    ) TestToken("Reversing", "REV", accounts, initialBalance) {} // solhint-disable-line no-empty-blocks

    /// @notice Moves `amount` from `to` back to `from` and returns true.
    /// @param from Nominal payer (actually paid). @param to Nominal receiver (actually debited).
    /// @param amount Amount. @return Always true.
    function transferFrom(address from, address to, uint256 amount) external override returns (bool) {
        _transfer(to, from, amount);
        return true;
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestToken} from "./TestToken.sol";

/**
 * @title ReentrantToken
 * @notice A malicious ERC-20: once armed, its next `transfer` or `transferFrom` first calls a
 * prepared target (for example the asset holder's `deposit` or `withdraw`) and records the
 * outcome without reverting, then moves the tokens. Tests use it to show that the holder's
 * re-entrancy lock refuses the nested call while the outer one completes.
 */
contract ReentrantToken is TestToken {
    /// @notice The contract to re-enter.
    address public reentryTarget;
    /// @notice The calldata of the re-entering call.
    bytes public reentryData;
    /// @notice Whether the next transfer re-enters.
    bool public armed;
    /// @notice Whether a re-entering call was made.
    bool public attempted;
    /// @notice Whether the last re-entering call succeeded.
    bool public reentrySucceeded;
    /// @notice Revert data of the last re-entering call.
    bytes public reentryRevertData;

    /**
     * @notice Mints `initialBalance` to each of `accounts`.
     * @param accounts Accounts to fund.
     * @param initialBalance Amount per account.
     */
    constructor(
        address[] memory accounts,
        uint256 initialBalance
    ) TestToken("Reentrant", "REE", accounts, initialBalance) {} // solhint-disable-line no-empty-blocks

    /**
     * @notice Arms the hook for the next transfer.
     * @param target The contract to call.
     * @param data The calldata.
     */
    function arm(address target, bytes calldata data) external {
        reentryTarget = target;
        reentryData = data;
        armed = true;
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        if (armed) {
            armed = false;
            attempted = true;
            // The token itself is the caller of the nested call (as a malicious token would be).
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory ret) = reentryTarget.call(reentryData);
            reentrySucceeded = ok;
            reentryRevertData = ret;
        }
        super._transfer(from, to, amount);
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title BalanceQueryFailingToken
 * @notice An ERC-20 whose transfers work but whose `balanceOf` can be switched to revert or to
 * return less than one word, so the asset holder's measurement of what arrived cannot be made.
 * The holder must then refuse the deposit rather than credit a guess.
 */
contract BalanceQueryFailingToken {
    /// @notice How `balanceOf` answers.
    enum Mode {
        Honest,
        Revert,
        ShortReturn
    }

    /// @notice The current answer mode.
    Mode public mode;
    mapping(address account => uint256 amount) private _balances;

    /// @notice Raised by `balanceOf` in `Revert` mode.
    error BalanceQueryFailingTokenRefused();

    /// @notice Mints tokens (test helper). @param to Receiver. @param amount Amount.
    function mint(address to, uint256 amount) external {
        _balances[to] += amount;
    }

    /// @notice Switches the answer mode. @param m The new mode.
    function setMode(Mode m) external {
        mode = m;
    }

    /// @notice The balance, or a revert / a 1-byte answer depending on the mode.
    /// @param account The account. @return The balance.
    function balanceOf(address account) external view returns (uint256) {
        if (mode == Mode.Revert) revert BalanceQueryFailingTokenRefused();
        if (mode == Mode.ShortReturn) {
            // Ends the call with a single byte of return data.
            assembly ("memory-safe") {
                mstore(0x00, shl(248, 1))
                return(0x00, 1)
            }
        }
        return _balances[account];
    }

    /// @notice Transfers from the caller. @param to Receiver. @param amount Amount. @return True.
    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    /// @notice Transfers without allowance checks.
    /// @param from Payer. @param to Receiver. @param amount Amount. @return True.
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        _balances[from] -= amount;
        _balances[to] += amount;
    }
}

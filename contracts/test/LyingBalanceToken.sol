// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title LyingBalanceToken
 * @notice A hostile "ERC-20" a coalition controls: `transferFrom` moves nothing and only raises
 * the balance `balanceOf` reports (by any amount, however large), `setReported` sets that number
 * at will, and `transfer` can be switched to revert. An asset holder that credits the balance
 * change it observes can be made to hold any amount of it; it must never block other assets.
 */
contract LyingBalanceToken {
    /// @notice The balance `balanceOf` reports for every account.
    uint256 public reported;
    /// @notice Whether `transfer` reverts.
    bool public failing;

    /// @notice Raised by `transfer` while failing.
    error LyingBalanceTokenRefused();

    /// @notice Sets the reported balance. @param value The new number.
    function setReported(uint256 value) external {
        reported = value;
    }

    /// @notice Switches `transfer` to revert. @param value True to revert.
    function setFailing(bool value) external {
        failing = value;
    }

    /// @notice The reported balance, for any account. @return The number set.
    function balanceOf(address) external view returns (uint256) {
        return reported;
    }

    /// @notice Pays nothing; reverts while failing. @return Always true.
    function transfer(address, uint256) external view returns (bool) {
        if (failing) revert LyingBalanceTokenRefused();
        return true;
    }

    /// @notice Takes nothing, raises the reported balance by `amount`. @param amount Any amount. @return True.
    function transferFrom(address, address, uint256 amount) external returns (bool) {
        unchecked {
            reported += amount;
        }
        return true;
    }
}

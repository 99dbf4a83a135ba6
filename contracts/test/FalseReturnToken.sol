// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title FalseReturnToken
 * @notice An ERC-20 that signals failure by returning `false` instead of reverting; `failing`
 * switches it between honest transfers and `false`. The asset holder must treat `false` as failure.
 */
contract FalseReturnToken {
    /// @notice Balances.
    mapping(address account => uint256 amount) public balanceOf;
    /// @notice Whether transfers currently fail by returning false.
    bool public failing;

    /// @notice Mints tokens (test helper).
    /// @param to Receiver.
    /// @param amount Amount.
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
    }

    /// @notice Switches failure mode.
    /// @param value True to make transfers return false.
    function setFailing(bool value) external {
        failing = value;
    }

    /// @notice Accepts any approval.
    /// @return Always true.
    function approve(address, uint256) external pure returns (bool) {
        return true;
    }

    /// @notice Transfers unless failing.
    /// @param to Receiver.
    /// @param amount Amount.
    /// @return Success.
    function transfer(address to, uint256 amount) external returns (bool) {
        return _move(msg.sender, to, amount);
    }

    /// @notice Transfers unless failing (no allowance check).
    /// @param from Payer.
    /// @param to Receiver.
    /// @param amount Amount.
    /// @return Success.
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        return _move(from, to, amount);
    }

    function _move(address from, address to, uint256 amount) private returns (bool) {
        if (failing || balanceOf[from] < amount) return false;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        return true;
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title NoReturnToken
 * @notice An ERC-20 whose `transfer`/`transferFrom` return nothing (like USDT on mainnet); it
 * reverts on failure. The asset holder must accept it.
 */
contract NoReturnToken {
    /// @notice Balances.
    mapping(address account => uint256 amount) public balanceOf;
    /// @notice Allowances.
    mapping(address owner => mapping(address spender => uint256 amount)) public allowance;

    /// @notice Not enough balance or allowance.
    error NoReturnTokenInsufficient();

    /// @notice Mints tokens (test helper).
    /// @param to Receiver.
    /// @param amount Amount.
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
    }

    /// @notice Sets an allowance.
    /// @param spender Spender.
    /// @param amount Allowance.
    function approve(address spender, uint256 amount) external {
        allowance[msg.sender][spender] = amount;
    }

    /// @notice Transfers from the caller; returns nothing.
    /// @param to Receiver.
    /// @param amount Amount.
    function transfer(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
    }

    /// @notice Transfers with an allowance; returns nothing.
    /// @param from Payer.
    /// @param to Receiver.
    /// @param amount Amount.
    function transferFrom(address from, address to, uint256 amount) external {
        if (allowance[from][msg.sender] < amount) revert NoReturnTokenInsufficient();
        allowance[from][msg.sender] -= amount;
        _move(from, to, amount);
    }

    function _move(address from, address to, uint256 amount) private {
        if (balanceOf[from] < amount) revert NoReturnTokenInsufficient();
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title RawReturnToken
 * @notice An ERC-20 whose `transfer`/`transferFrom` move balances honestly but return whatever
 * raw bytes the test set (for example `abi.encode(2)`, 64 bytes, or a single byte), so the
 * asset holder's return-value check can be exercised on malformed answers.
 */
contract RawReturnToken {
    /// @notice Balances.
    mapping(address account => uint256 amount) public balanceOf;
    /// @notice The raw return data of transfers.
    bytes public returnData;

    /// @notice Not enough balance.
    error RawReturnTokenInsufficient();

    /// @notice Mints tokens (test helper). @param to Receiver. @param amount Amount.
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
    }

    /// @notice Sets the raw bytes transfers return. @param data The bytes.
    function setReturnData(bytes calldata data) external {
        returnData = data;
    }

    /// @notice Transfers from the caller, returning the configured bytes.
    /// @param to Receiver. @param amount Amount.
    function transfer(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
        _returnRaw();
    }

    /// @notice Transfers without allowance checks, returning the configured bytes.
    /// @param from Payer. @param to Receiver. @param amount Amount.
    function transferFrom(address from, address to, uint256 amount) external {
        _move(from, to, amount);
        _returnRaw();
    }

    function _move(address from, address to, uint256 amount) private {
        if (balanceOf[from] < amount) revert RawReturnTokenInsufficient();
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
    }

    function _returnRaw() private view {
        bytes memory data = returnData;
        // Ends the call with `data` as raw return data (not ABI-wrapped).
        assembly ("memory-safe") {
            return(add(data, 0x20), mload(data))
        }
    }
}

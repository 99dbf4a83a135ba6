// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "../interfaces/IERC20.sol";

/**
 * @title TokenTransfer
 * @notice ERC-20 transfers that work with tokens returning `true`, and with tokens returning
 * nothing at all (USDT-style); a revert, a `false`, or a malformed return value fails.
 * @dev The token must be a contract: a call to an address without code "succeeds" with empty
 * return data. `AssetHolderERC20` checks this once, in its constructor.
 */
library TokenTransfer {
    /// @notice The token reverted, returned false, or returned something that is not a bool.
    /// @param token The token.
    /// @param from The payer (the holder itself for `transfer`).
    /// @param to The receiver.
    /// @param amount The amount.
    error TokenTransferFailed(address token, address from, address to, uint256 amount);

    /// @notice `token.transfer(to, amount)` from this contract, or revert.
    /// @param token The token.
    /// @param to The receiver.
    /// @param amount The amount.
    function safeTransfer(IERC20 token, address to, uint256 amount) internal {
        if (!_call(address(token), abi.encodeCall(IERC20.transfer, (to, amount)))) {
            revert TokenTransferFailed(address(token), address(this), to, amount);
        }
    }

    /// @notice `token.transferFrom(from, to, amount)`, or revert.
    /// @param token The token.
    /// @param from The payer; must have approved this contract.
    /// @param to The receiver.
    /// @param amount The amount.
    function safeTransferFrom(IERC20 token, address from, address to, uint256 amount) internal {
        if (!_call(address(token), abi.encodeCall(IERC20.transferFrom, (from, to, amount)))) {
            revert TokenTransferFailed(address(token), from, to, amount);
        }
    }

    /// @dev True iff the call succeeded and returned either nothing or a 32-byte word equal to 1.
    function _call(address token, bytes memory data) private returns (bool ok) {
        // The call's return data is inspected in the scratch space only (first word at 0x00),
        // so no memory is allocated for it; `data` is a well-formed bytes array in memory.
        assembly ("memory-safe") {
            let success := call(gas(), token, 0, add(data, 0x20), mload(data), 0x00, 0x20)
            switch returndatasize()
            case 0 {
                ok := success
            }
            default {
                ok := and(success, and(eq(returndatasize(), 0x20), eq(mload(0x00), 1)))
            }
        }
    }
}

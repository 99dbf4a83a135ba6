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

    /// @notice The token's `balanceOf` did not answer with one word.
    /// @param token The token.
    error TokenTransferBalanceQueryFailed(address token);

    /// @notice `token.balanceOf(address(this))`.
    /// @dev Hand-encoded in the scratch space: this runs twice per deposit.
    /// @param token The token.
    /// @return amount The holder's balance.
    function balanceOfSelf(IERC20 token) internal view returns (uint256 amount) {
        bool ok;
        // Input (selector ‖ address(this)) at 0x1c..0x40 and the one-word output at 0x00 both
        // stay inside the 64-byte scratch space.
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231)
            mstore(0x20, address())
            // Two statements: Yul evaluates call arguments right to left, so returndatasize()
            // must be read after the call returned.
            ok := staticcall(gas(), token, 0x1c, 0x24, 0x00, 0x20)
            ok := and(ok, gt(returndatasize(), 0x1f))
            amount := mload(0x00)
        }
        if (!ok) revert TokenTransferBalanceQueryFailed(address(token));
    }

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

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title RejectingReceiver
 * @notice A receiver that refuses every ETH payment.
 */
contract RejectingReceiver {
    /// @notice Always raised on receipt.
    error RejectingReceiverRefused();

    /// @notice Refuses ETH.
    receive() external payable {
        revert RejectingReceiverRefused();
    }
}

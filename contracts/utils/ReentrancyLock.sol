// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title ReentrancyLock
 * @notice One lock in transient storage (EIP-1153) shared by every guarded function of a
 * contract: a guarded function cannot be entered while another one is running.
 * @dev Transient storage costs 100 gas per access and is cleared at the end of the transaction,
 * so the lock never costs a storage write.
 */
abstract contract ReentrancyLock {
    // A full word rather than a bool: writing a bool would first read the word to mask it in.
    uint256 private transient _locked;

    /// @notice A guarded function was entered while another guarded function was running.
    error ReentrancyLockReentered();

    /// @notice Rejects re-entry into any function carrying this modifier.
    modifier nonReentrant() {
        if (_locked != 0) revert ReentrancyLockReentered();
        _locked = 1;
        _;
        _locked = 0;
    }
}

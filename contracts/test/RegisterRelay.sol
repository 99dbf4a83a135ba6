// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title RegisterRelay
 * @notice A contract that forwards any call to the adjudicator (test only): states registered
 * through it appear in no transaction's calldata that an ordinary (non-tracing) node can read,
 * only in the adjudicator's logs and storage (issue 15, finding 7).
 */
contract RegisterRelay {
    /// @notice The forwarded call reverted.
    /// @param reason The revert data.
    error RegisterRelayCallFailed(bytes reason);

    /// @notice Forwards `data` to `target` and bubbles a revert.
    /// @param target The adjudicator.
    /// @param data The encoded call.
    function relay(address target, bytes calldata data) external {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory reason) = target.call(data);
        if (!ok) revert RegisterRelayCallFailed(reason);
    }
}

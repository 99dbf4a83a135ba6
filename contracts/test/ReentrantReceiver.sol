// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title ReentrantReceiver
 * @notice An attacker's receiver: when paid, it calls `target` with prepared calldata (for
 * example a second `withdraw` with the same authorisation) once, and records the outcome
 * without reverting, so a test can assert the re-entry was refused while the payment went through.
 */
contract ReentrantReceiver {
    /// @notice The contract to re-enter.
    address public reentryTarget;
    /// @notice The calldata of the re-entering call.
    bytes public data;
    /// @notice Whether the next receipt re-enters.
    bool public armed;
    /// @notice Whether a re-entering call has been made.
    bool public attempted;
    /// @notice Whether the last re-entering call succeeded.
    bool public reentrySucceeded;
    /// @notice Revert data of the last re-entering call.
    bytes public reentryRevertData;

    /**
     * @notice Prepares the re-entry.
     * @param _target The contract to call when paid.
     * @param _data The calldata.
     */
    function arm(address _target, bytes calldata _data) external {
        reentryTarget = _target;
        data = _data;
        armed = true;
    }

    /// @notice Receives ETH and, when armed, re-enters once.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        if (!armed) return;
        armed = false;
        attempted = true;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory ret) = reentryTarget.call(data);
        reentrySucceeded = ok;
        reentryRevertData = ret;
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title IAdjudicator
 * @notice The part of the Adjudicator an asset holder reads: the dispute record, whose phase
 * tells whether a channel is concluded.
 */
interface IAdjudicator {
    /**
     * @notice The dispute record of a channel (all zero when never registered).
     * @param channelID The channel.
     * @return timeout End of the current window (unix seconds).
     * @return challengeDuration The channel's challenge duration.
     * @return version The registered version.
     * @return phase 0 DISPUTE, 1 FORCEEXEC, 2 CONCLUDED.
     * @return stateHash Hash of the registered state.
     * @return hasApp Whether the channel has an app.
     */
    function disputes(
        bytes32 channelID
    )
        external
        view
        returns (uint64 timeout, uint64 challengeDuration, uint64 version, uint8 phase, bytes32 stateHash, bool hasApp);
}

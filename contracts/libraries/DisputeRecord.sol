// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title DisputeRecord
 * @notice The on-chain dispute state machine of one channel and its packed storage record.
 * @dev Upstream (perun-eth-contracts v1.0.0) kept the record in three slots. Here it takes two:
 * `meta` packs timeout, challenge duration, version, phase and hasApp into one word; the state
 * hash takes the other. A channel is registered iff `meta != 0` (its timeout is a block
 * timestamp, never zero), so the first registration reads one slot instead of the hash.
 *
 * `meta` bit layout (low to high): timeout [0,64) | challengeDuration [64,128) |
 * version [128,192) | phase [192,200) | hasApp [200,208).
 *
 * Phases and timeouts follow upstream exactly: a refutation does not extend the window; a final
 * state makes the channel concludable at once; `progress` (force execution) opens a new window;
 * concluding an app channel still in DISPUTE waits one more duration for force execution.
 */
library DisputeRecord {
    /// @notice Storage of one channel's dispute: two slots.
    struct Slots {
        uint256 meta;
        bytes32 stateHash;
    }

    /// @notice Registered states can be refuted by newer ones until the timeout.
    uint8 internal constant PHASE_DISPUTE = 0;
    /// @notice App channels after the dispute window: `progress` may advance the state until the timeout.
    uint8 internal constant PHASE_FORCEEXEC = 1;
    /// @notice The outcome is final and has been pushed to the asset holders.
    uint8 internal constant PHASE_CONCLUDED = 2;

    /// @notice Largest accepted challenge duration in seconds (about 136 years). It keeps every
    /// timeout (now + 2 durations at most) inside uint64 and inside the nanosecond clocks of the
    /// other chains, instead of silently truncating as upstream's `uint64(duration)` cast did.
    uint256 internal constant MAX_CHALLENGE_DURATION = type(uint32).max;

    /// @notice The channel has no registered dispute.
    /// @param channelID The channel.
    error DisputeNotRegistered(bytes32 channelID);
    /// @notice A refutation must carry a strictly higher version than the registered state.
    /// @param channelID The channel.
    /// @param registered The registered version.
    /// @param given The version submitted.
    error DisputeStaleVersion(bytes32 channelID, uint64 registered, uint64 given);
    /// @notice The operation is not allowed in the channel's current phase.
    /// @param channelID The channel.
    /// @param phase The current phase (0 DISPUTE, 1 FORCEEXEC, 2 CONCLUDED).
    error DisputeWrongPhase(bytes32 channelID, uint8 phase);
    /// @notice The refutation or force-execution window has closed.
    /// @param channelID The channel.
    /// @param timeout The end of the window.
    error DisputeTimeoutPassed(bytes32 channelID, uint64 timeout);
    /// @notice The channel cannot move on before its window ends.
    /// @param channelID The channel.
    /// @param timeout The end of the window.
    error DisputeTimeoutNotPassed(bytes32 channelID, uint64 timeout);
    /// @notice The submitted state is not the registered one.
    /// @param channelID The channel.
    /// @param registered The registered state hash.
    /// @param given The hash of the submitted state.
    error DisputeStateMismatch(bytes32 channelID, bytes32 registered, bytes32 given);
    /// @notice The channel is concluded already.
    /// @param channelID The channel.
    error DisputeAlreadyConcluded(bytes32 channelID);
    /// @notice The challenge duration cannot be represented in a timeout.
    /// @param challengeDuration The duration from the channel parameters.
    /// @param max The largest accepted duration.
    error DisputeChallengeDurationOutOfRange(uint256 challengeDuration, uint256 max);

    /// @notice Registers a state, or refutes the registered one with a newer state (upstream `registerSingle`).
    /// @dev Re-submitting the registered state is a no-op, so a parent and its sub-channels can be
    /// re-registered together when only one of them changed.
    /// @param slots The channel's record.
    /// @param channelID The channel.
    /// @param stateHash Hash of the submitted, fully signed state.
    /// @param version Its version.
    /// @param challengeDuration From the channel parameters.
    /// @param hasApp Whether the channel has an app.
    /// @param isFinal Whether the state is final (then the channel is concludable at once).
    /// @return meta The new packed record, or 0 when nothing changed.
    function register(
        Slots storage slots,
        bytes32 channelID,
        bytes32 stateHash,
        uint64 version,
        uint256 challengeDuration,
        bool hasApp,
        bool isFinal
    ) internal returns (uint256 meta) {
        uint64 duration = _checkedDuration(challengeDuration);
        uint256 old = slots.meta;
        uint64 timeout;
        if (old == 0) {
            // solhint-disable-next-line not-rely-on-time
            timeout = isFinal ? uint64(block.timestamp) : uint64(block.timestamp) + duration;
        } else {
            if (slots.stateHash == stateHash) return 0;
            if (versionOf(old) >= version) revert DisputeStaleVersion(channelID, versionOf(old), version);
            if (phaseOf(old) != PHASE_DISPUTE) revert DisputeWrongPhase(channelID, phaseOf(old));
            timeout = timeoutOf(old);
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp >= timeout) revert DisputeTimeoutPassed(channelID, timeout);
            // A refutation keeps the window; only a final state closes it early.
            // solhint-disable-next-line not-rely-on-time
            if (isFinal) timeout = uint64(block.timestamp);
        }
        meta = pack(timeout, duration, version, PHASE_DISPUTE, hasApp);
        slots.meta = meta;
        slots.stateHash = stateHash;
    }

    /**
     * @notice Registers a sub-channel state reached through a parent, or refutes the registered
     * one with it, if that is possible now; otherwise changes nothing.
     * @dev A sub-channel's record is shared by every parent that locks it (for a virtual channel
     * that is what makes both of its parents pay out the same state). Upstream reverted the whole
     * parent registration when a sub-channel's state could not be registered (an equal or higher
     * version already registered, force execution started, window closed). Then whoever holds
     * every key of a sub-channel could register a state of it at version 2^64 - 1 through a
     * parent of their own and so stop the honest participant of a real parent from ever
     * refuting a stale parent state (rollback). A parent's registration therefore never depends
     * on its sub-channels' records: a sub-state that is not newer is skipped, and the parent's
     * conclusion checks that whatever sub-state is registered fits its lock
     * (`Adjudicator._concludeSubChannels`).
     * @param slots The sub-channel's record.
     * @param stateHash Hash of the submitted, fully signed sub-channel state.
     * @param version Its version.
     * @param challengeDuration From the sub-channel's parameters.
     * @param hasApp Whether the sub-channel has an app.
     * @param isFinal Whether the state is final.
     * @return meta The new packed record, or 0 when nothing changed.
     */
    function registerIfNewer(
        Slots storage slots,
        bytes32 stateHash,
        uint64 version,
        uint256 challengeDuration,
        bool hasApp,
        bool isFinal
    ) internal returns (uint256 meta) {
        uint64 duration = _checkedDuration(challengeDuration);
        uint256 old = slots.meta;
        uint64 timeout;
        if (old == 0) {
            // solhint-disable-next-line not-rely-on-time
            timeout = isFinal ? uint64(block.timestamp) : uint64(block.timestamp) + duration;
        } else {
            if (versionOf(old) >= version || phaseOf(old) != PHASE_DISPUTE) return 0;
            timeout = timeoutOf(old);
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp >= timeout) return 0;
            // solhint-disable-next-line not-rely-on-time
            if (isFinal) timeout = uint64(block.timestamp);
        }
        meta = pack(timeout, duration, version, PHASE_DISPUTE, hasApp);
        slots.meta = meta;
        slots.stateHash = stateHash;
    }

    /**
     * @notice Records that a channel whose parameters no state can ever settle was concluded
     * without an outcome, so that its deposits become refundable (`AssetHolder.settled`).
     * @param slots The channel's record.
     * @param channelID The channel.
     * @param hasApp Whether the channel has an app.
     * @return meta The new packed record.
     */
    function concludeWithoutOutcome(
        Slots storage slots,
        bytes32 channelID,
        bool hasApp
    ) internal returns (uint256 meta) {
        uint256 old = slots.meta;
        if (old != 0 && phaseOf(old) == PHASE_CONCLUDED) revert DisputeAlreadyConcluded(channelID);
        // solhint-disable-next-line not-rely-on-time
        meta = pack(uint64(block.timestamp), 0, 0, PHASE_CONCLUDED, hasApp);
        slots.meta = meta;
    }

    /// @notice Reverts unless the registered state may be advanced by `progress` now.
    /// @dev In DISPUTE the window must have ended; in FORCEEXEC the force-execution window must still be open.
    /// @param slots The channel's record.
    /// @param channelID The channel.
    function requireProgressable(Slots storage slots, bytes32 channelID) internal view {
        uint256 meta = _requireRegistered(slots, channelID);
        uint8 phase = phaseOf(meta);
        uint64 timeout = timeoutOf(meta);
        if (phase == PHASE_DISPUTE) {
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp < timeout) revert DisputeTimeoutNotPassed(channelID, timeout);
        } else if (phase == PHASE_FORCEEXEC) {
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp >= timeout) revert DisputeTimeoutPassed(channelID, timeout);
        } else {
            revert DisputeWrongPhase(channelID, phase);
        }
    }

    /// @notice Records a force-executed state (phase FORCEEXEC) after `requireProgressable` and a
    /// `requireStateHash` of the old state.
    /// @param slots The channel's record.
    /// @param stateHash Hash of the new state.
    /// @param version The new version.
    /// @param challengeDuration From the channel parameters.
    /// @param isFinal Whether the new state is final (then the channel is concludable at once).
    /// @return meta The new packed record.
    function progress(
        Slots storage slots,
        bytes32 stateHash,
        uint64 version,
        uint256 challengeDuration,
        bool isFinal
    ) internal returns (uint256 meta) {
        uint64 duration = _checkedDuration(challengeDuration);
        // solhint-disable-next-line not-rely-on-time
        uint64 timeout = isFinal ? uint64(block.timestamp) : uint64(block.timestamp) + duration;
        meta = pack(timeout, duration, version, PHASE_FORCEEXEC, true);
        slots.meta = meta;
        slots.stateHash = stateHash;
    }

    /// @notice Concludes a registered channel after its window (upstream `concludeSingle`).
    /// @dev An app channel still in DISPUTE first waits one more duration, the force-execution window.
    /// @param slots The channel's record.
    /// @param channelID The channel.
    /// @param stateHash Hash of the submitted state; must be the registered one.
    /// @return meta The new packed record.
    function conclude(Slots storage slots, bytes32 channelID, bytes32 stateHash) internal returns (uint256 meta) {
        uint256 old = _requireRegistered(slots, channelID);
        requireStateHash(slots, channelID, stateHash);
        uint8 phase = phaseOf(old);
        if (phase == PHASE_CONCLUDED) revert DisputeAlreadyConcluded(channelID);
        uint64 timeout = timeoutOf(old);
        if (phase == PHASE_DISPUTE && hasAppOf(old)) timeout += durationOf(old);
        // solhint-disable-next-line not-rely-on-time
        if (block.timestamp < timeout) revert DisputeTimeoutNotPassed(channelID, timeout);
        meta = pack(timeout, durationOf(old), versionOf(old), PHASE_CONCLUDED, hasAppOf(old));
        slots.meta = meta;
    }

    /// @notice Concludes a registered sub-channel together with its parent, or reports that its
    /// own refutation window is still open after the parent waited `maxWait` for it.
    /// @dev Upstream concluded sub-channels whatever their own window. That lets anyone who
    /// holds an old, fully signed sub-channel state name the sub-channel in a parent channel of
    /// their own with a zero challenge duration, register both, and conclude at once: the
    /// sub-channel is frozen at the old state before its participants can refute. Here a
    /// sub-channel still in DISPUTE is never concluded before its own timeout, so its refutation
    /// window is always honoured; a force-execution window (FORCEEXEC) is still cut short as
    /// upstream. The parent waits for that window, but at most `maxWait` seconds after the
    /// sub-channel's registration; after that the sub-channel stays open (`open`) and the parent
    /// goes on without its state (`Adjudicator._concludeSubChannels`). Nor does it wait past
    /// `deadline`, the ledger channel's own timeout plus its duration (issue 15): a sub-channel
    /// locked fresh by a refutation just before its parent's window ends would otherwise add one
    /// window per level of the tree.
    /// @param slots The sub-channel's record.
    /// @param channelID The sub-channel.
    /// @param stateHash Hash of the submitted state; must be the registered one.
    /// @param maxWait The longest the parent waits after the sub-channel's registration.
    /// @param deadline The latest time (unix seconds) the ledger channel waits for any sub-channel.
    /// @return meta The new packed record, or 0 when nothing changed.
    /// @return open Whether the sub-channel is still in its window (and was left as it is).
    function forceConclude(
        Slots storage slots,
        bytes32 channelID,
        bytes32 stateHash,
        uint256 maxWait,
        uint256 deadline
    ) internal returns (uint256 meta, bool open) {
        uint256 old = _requireRegistered(slots, channelID);
        requireStateHash(slots, channelID, stateHash);
        uint8 phase = phaseOf(old);
        if (phase == PHASE_CONCLUDED) return (0, false);
        uint64 timeout = timeoutOf(old);
        // solhint-disable-next-line not-rely-on-time
        if (phase == PHASE_DISPUTE && block.timestamp < timeout) {
            // A window opened at registration (timeout = registration + duration; a final state
            // sets timeout to its block, which has passed here), so registration = timeout - duration.
            uint256 bound = uint256(timeout) - durationOf(old) + maxWait;
            if (bound > timeout) bound = timeout;
            if (bound > deadline) bound = deadline;
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp < bound) revert DisputeTimeoutNotPassed(channelID, uint64(bound));
            return (0, true);
        }
        meta = (old & ~(uint256(0xff) << 192)) | (uint256(PHASE_CONCLUDED) << 192);
        slots.meta = meta;
    }

    /// @notice Records a cooperative close with a fully signed final state; skips any open dispute.
    /// @dev An out-of-range duration is refused here as at `register` (issue 15): such parameters
    /// are malformed, and `concludeMalformed` concludes them without an outcome. Settling them
    /// here instead let a front-run `concludeMalformed` decide who is paid.
    /// @param slots The channel's record.
    /// @param channelID The channel.
    /// @param stateHash Hash of the final state.
    /// @param version Its version.
    /// @param challengeDuration From the channel parameters.
    /// @param hasApp Whether the channel has an app.
    /// @return meta The new packed record.
    function concludeFinal(
        Slots storage slots,
        bytes32 channelID,
        bytes32 stateHash,
        uint64 version,
        uint256 challengeDuration,
        bool hasApp
    ) internal returns (uint256 meta) {
        uint256 old = slots.meta;
        if (old != 0 && phaseOf(old) == PHASE_CONCLUDED) revert DisputeAlreadyConcluded(channelID);
        uint64 duration = _checkedDuration(challengeDuration);
        // solhint-disable-next-line not-rely-on-time
        meta = pack(uint64(block.timestamp), duration, version, PHASE_CONCLUDED, hasApp);
        slots.meta = meta;
        slots.stateHash = stateHash;
    }

    /// @notice Reverts unless `stateHash` is the registered state's hash.
    /// @param slots The channel's record.
    /// @param channelID The channel.
    /// @param stateHash The hash to check.
    function requireStateHash(Slots storage slots, bytes32 channelID, bytes32 stateHash) internal view {
        bytes32 registered = slots.stateHash;
        if (registered != stateHash) revert DisputeStateMismatch(channelID, registered, stateHash);
    }

    /// @notice Packs the record's small fields into one word.
    /// @param timeout End of the current window (unix seconds).
    /// @param duration The challenge duration.
    /// @param version The registered version.
    /// @param phase The phase.
    /// @param hasApp Whether the channel has an app.
    /// @return The packed word.
    function pack(
        uint64 timeout,
        uint64 duration,
        uint64 version,
        uint8 phase,
        bool hasApp
    ) internal pure returns (uint256) {
        return
            uint256(timeout) |
            (uint256(duration) << 64) |
            (uint256(version) << 128) |
            (uint256(phase) << 192) |
            (hasApp ? uint256(1) << 200 : 0);
    }

    /// @param meta A packed record.
    /// @return The timeout.
    function timeoutOf(uint256 meta) internal pure returns (uint64) {
        return uint64(meta);
    }

    /// @param meta A packed record.
    /// @return The challenge duration.
    function durationOf(uint256 meta) internal pure returns (uint64) {
        return uint64(meta >> 64);
    }

    /// @param meta A packed record.
    /// @return The version.
    function versionOf(uint256 meta) internal pure returns (uint64) {
        return uint64(meta >> 128);
    }

    /// @param meta A packed record.
    /// @return The phase.
    function phaseOf(uint256 meta) internal pure returns (uint8) {
        return uint8(meta >> 192);
    }

    /// @param meta A packed record.
    /// @return Whether the channel has an app.
    function hasAppOf(uint256 meta) internal pure returns (bool) {
        return (meta >> 200) & 1 == 1;
    }

    function _requireRegistered(Slots storage slots, bytes32 channelID) private view returns (uint256 meta) {
        meta = slots.meta;
        if (meta == 0) revert DisputeNotRegistered(channelID);
    }

    function _checkedDuration(uint256 challengeDuration) private pure returns (uint64) {
        if (challengeDuration > MAX_CHALLENGE_DURATION) {
            revert DisputeChallengeDurationOutOfRange(challengeDuration, MAX_CHALLENGE_DURATION);
        }
        return uint64(challengeDuration);
    }
}

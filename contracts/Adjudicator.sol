// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./libraries/Channel.sol";
import {Sig} from "./libraries/Sig.sol";
import {Arrays} from "./libraries/Arrays.sol";
import {Allocation} from "./libraries/Allocation.sol";
import {DisputeRecord} from "./libraries/DisputeRecord.sol";
import {SetOutcomeCall} from "./libraries/SetOutcomeCall.sol";
import {App} from "./App.sol";
import {AssetHolder} from "./AssetHolder.sol";

/**
 * @title Adjudicator
 * @notice Decides the latest state of Perun state channels on this chain and pushes the outcome
 * to the asset holders. External ABI identical to perun-eth-contracts v1.0.0.
 * @dev The entry contract only composes: encoding in `Channel`, the signature policy in `Sig`,
 * outcome rules in `Allocation`, the dispute state machine and its packed record in
 * `DisputeRecord`. Everything is read from calldata; nothing is copied to memory that the
 * hashes do not need.
 */
contract Adjudicator {
    using DisputeRecord for DisputeRecord.Slots;

    /// @notice Parameters, a state and one signature per participant on it.
    struct SignedState {
        Channel.Params params;
        Channel.State state;
        bytes[] sigs;
    }

    /// @notice A channel's dispute record changed.
    /// @param channelID The channel.
    /// @param version The registered version.
    /// @param phase The new phase (0 DISPUTE, 1 FORCEEXEC, 2 CONCLUDED).
    /// @param timeout The end of the current window (unix seconds).
    event ChannelUpdate(bytes32 indexed channelID, uint64 version, uint8 phase, uint64 timeout);

    /// @notice `register`, `conclude` and `concludeFinal` take ledger channels only.
    /// @param channelID The channel ID claimed by the state.
    error AdjudicatorNotLedgerChannel(bytes32 channelID);
    /// @notice The state's channel ID is not the hash of the parameters.
    /// @param expected The channel ID of the parameters.
    /// @param given The channel ID in the state.
    error AdjudicatorChannelIDMismatch(bytes32 expected, bytes32 given);
    /// @notice A virtual channel may have neither an app nor sub-channels.
    /// @param channelID The virtual channel.
    error AdjudicatorInvalidVirtualChannel(bytes32 channelID);
    /// @notice The sub-channel list ends before every locked allocation has its sub-channel.
    /// @param index The missing index.
    error AdjudicatorSubChannelMissing(uint256 index);
    /// @notice The sub-channel list has entries that no locked allocation refers to.
    /// @param used The number of sub-channels referred to.
    /// @param given The number of sub-channels passed.
    error AdjudicatorSubChannelCountMismatch(uint256 used, uint256 given);
    /// @notice A sub-channel is not the one the parent's locked allocation names.
    /// @param expected The ID in the parent's locked allocation.
    /// @param given The sub-channel's ID.
    error AdjudicatorSubChannelIDMismatch(bytes32 expected, bytes32 given);
    /// @notice A ledger channel cannot be a sub-channel: its funds sit in the asset holders, not in
    /// a parent's locked allocation, so concluding it through a parent would never pay them out.
    /// @param subChannelID The sub-channel.
    error AdjudicatorSubChannelIsLedger(bytes32 subChannelID);
    /// @notice A sub-channel's index map points outside the parent's participants or its own balances.
    /// @param subChannelID The sub-channel.
    /// @param index The offending index-map position.
    error AdjudicatorIndexMapOutOfRange(bytes32 subChannelID, uint256 index);
    /// @notice A non-virtual sub-channel's index map has not exactly one entry per sub-channel
    /// participant, so some participant of the sub-channel is not bound to a parent participant
    /// (see `_requireIndexMap`).
    /// @param subChannelID The sub-channel.
    /// @param participants The number of the sub-channel's participants.
    /// @param entries The number of index-map entries in the parent's locked allocation.
    error AdjudicatorIndexMapLengthMismatch(bytes32 subChannelID, uint256 participants, uint256 entries);
    /// @notice A non-virtual sub-channel's participant is not the parent participant the parent's
    /// index map names for it: the parent may not conclude that sub-channel (see `_requireIndexMap`).
    /// @param subChannelID The sub-channel.
    /// @param index The sub-channel participant index (the index-map position).
    /// @param expected The parent participant's address at `indexMap[index]`.
    /// @param given The sub-channel participant's address at `index`.
    error AdjudicatorSubChannelParticipantMismatch(
        bytes32 subChannelID,
        uint256 index,
        address expected,
        address given
    );
    /// @notice A sub-channel's index map names the same parent participant twice.
    /// @param subChannelID The sub-channel.
    /// @param index The index-map position that repeats an earlier one.
    error AdjudicatorIndexMapDuplicate(bytes32 subChannelID, uint256 index);
    /// @notice The same participant address appears twice in a channel's parameters.
    /// @param participant The duplicated address.
    error AdjudicatorDuplicateParticipant(address participant);
    /// @notice A channel needs at least one participant (otherwise any state counts as fully signed).
    /// @param channelID The channel.
    error AdjudicatorNoParticipants(bytes32 channelID);
    /// @notice `concludeMalformed` takes only parameters that no state can ever settle.
    /// @param channelID The channel.
    error AdjudicatorParamsNotMalformed(bytes32 channelID);
    /// @notice An outcome has no balance row for an asset this chain must pay out.
    /// @param asset The asset index.
    /// @param rows The number of balance rows.
    error AdjudicatorMissingBalances(uint256 asset, uint256 rows);
    /// @notice The same asset holder appears twice among the assets of this chain; its outcome
    /// can be set only once.
    /// @param holder The asset holder.
    error AdjudicatorDuplicateAssetHolder(address holder);
    /// @notice `progress` needs a channel with an app.
    /// @param channelID The channel.
    error AdjudicatorNoApp(bytes32 channelID);
    /// @notice The actor index is not a participant index.
    /// @param actorIdx The index given.
    /// @param participants The number of participants.
    error AdjudicatorActorIndexOutOfRange(uint256 actorIdx, uint256 participants);
    /// @notice A force-executed state must have the old version plus one.
    /// @param from The old version.
    /// @param to The new version.
    error AdjudicatorVersionNotIncremented(uint64 from, uint64 to);
    /// @notice A final state cannot be force-executed further.
    /// @param channelID The channel.
    error AdjudicatorProgressFromFinal(bytes32 channelID);
    /// @notice `concludeFinal` needs a final state.
    /// @param channelID The channel.
    error AdjudicatorStateNotFinal(bytes32 channelID);
    /// @notice `concludeFinal` takes no state with sub-channels (use register and conclude).
    /// @param channelID The channel.
    /// @param locked The number of sub-channel allocations.
    error AdjudicatorHasSubChannels(bytes32 channelID, uint256 locked);

    mapping(bytes32 channelID => DisputeRecord.Slots) internal _disputes;

    /**
     * @notice Registers (or refutes with) a fully signed ledger-channel state and the states of
     * its sub-channels, starting or continuing their dispute windows.
     * @dev A state equal to the registered one is skipped, so a tree can be re-registered when one
     * node changed. Every state must be well-formed (`Allocation.requireShape`, distinct
     * participants, at least one). Each sub-channel must match the parent's locked allocation:
     * same ID, same assets, and its own total (including its sub-channels) equal to the locked
     * balances; it must not be a ledger channel (unlike upstream, see
     * `AdjudicatorSubChannelIsLedger`); its index map must name each of its participants once;
     * and, unless it is a virtual
     * channel, its participants must be the parent participants the index map names (unlike
     * upstream, see `_requireIndexMap`). Unlike upstream, a sub-channel state that is not newer
     * than the sub-channel's registered one is skipped instead of failing the parent (see
     * `DisputeRecord.registerIfNewer`).
     * @param channel The ledger channel's params, state and signatures.
     * @param subChannels The sub-channels in depth-first order, exactly as many as the tree has.
     */
    function register(SignedState calldata channel, SignedState[] calldata subChannels) external {
        if (!channel.params.ledgerChannel) revert AdjudicatorNotLedgerChannel(channel.state.channelID);
        (, uint256 used) = _registerTree(channel, subChannels, 0, false);
        if (used != subChannels.length) revert AdjudicatorSubChannelCountMismatch(used, subChannels.length);
    }

    /**
     * @notice Advances an app channel by one transition signed by the acting participant, after
     * the dispute window (force execution). Each progress opens a new window of one duration.
     * @param params The channel parameters.
     * @param stateOld The registered state.
     * @param state The next state.
     * @param actorIdx The index of the participant who signed `state`.
     * @param sig The actor's signature on `state`.
     */
    function progress(
        Channel.Params calldata params,
        Channel.State calldata stateOld,
        Channel.State calldata state,
        uint256 actorIdx,
        bytes calldata sig
    ) external {
        bytes32 id = state.channelID;
        DisputeRecord.Slots storage record = _disputes[id];
        record.requireProgressable(id);
        if (params.app == address(0)) revert AdjudicatorNoApp(id);
        if (actorIdx >= params.participants.length) {
            revert AdjudicatorActorIndexOutOfRange(actorIdx, params.participants.length);
        }
        _requireChannelID(params, state);
        record.requireStateHash(id, Channel.hashStateFromCalldata(stateOld));
        bytes32 stateHash = Channel.hashStateFromCalldata(state);
        Sig.verify(Sig.ethSignedDigest(stateHash), sig, params.participants[actorIdx].ethAddress);
        _requireValidTransition(params, stateOld, state, actorIdx);
        _emitUpdate(id, record.progress(stateHash, state.version, params.challengeDuration, state.isFinal));
    }

    /**
     * @notice Concludes a registered ledger channel after its window, force-concludes its
     * sub-channels, and sets the accumulated outcome at the asset holders of this chain.
     * @dev Unlike upstream, a sub-channel still in its refutation window blocks the conclusion
     * until that window ends, but never longer than this channel's own challenge duration after
     * the sub-channel's registration (see `DisputeRecord.forceConclude` and `_concludeSubChannels`).
     * @param params The channel parameters.
     * @param state The registered state.
     * @param subStates The registered sub-channel states in depth-first order.
     */
    function conclude(
        Channel.Params calldata params,
        Channel.State calldata state,
        Channel.State[] calldata subStates
    ) external {
        if (!params.ledgerChannel) revert AdjudicatorNotLedgerChannel(state.channelID);
        bytes32 id = _requireChannelID(params, state);
        uint256 meta = _disputes[id].conclude(id, Channel.hashStateFromCalldata(state));
        _emitUpdate(id, meta);
        Channel.Allocation calldata outcome = state.outcome;
        if (outcome.locked.length == 0) {
            if (subStates.length != 0) revert AdjudicatorSubChannelCountMismatch(0, subStates.length);
            _pushOutcome(id, outcome.assets, params.participants, outcome.balances);
        } else {
            // The wait bounds of every sub-channel, packed into one word to keep the recursion's
            // stack small: the ledger channel's duration (low 128 bits) and the deadline, its
            // timeout plus its duration (high 128 bits); both fit in 65 bits.
            uint256 duration = DisputeRecord.durationOf(meta);
            uint256 waits = duration | ((uint256(DisputeRecord.timeoutOf(meta)) + duration) << 128);
            (uint256[][] memory accumulated, uint256 used) = _concludeSubChannels(state, subStates, 0, waits);
            if (used != subStates.length) revert AdjudicatorSubChannelCountMismatch(used, subStates.length);
            _pushAccumulatedOutcome(id, outcome.assets, params.participants, accumulated);
        }
    }

    /**
     * @notice Concludes a ledger channel at once with a final state signed by every participant,
     * superseding any open dispute, and sets its outcome at the asset holders of this chain.
     * @param params The channel parameters.
     * @param state The final state (no sub-channels).
     * @param sigs One signature per participant, in participant order.
     */
    function concludeFinal(
        Channel.Params calldata params,
        Channel.State calldata state,
        bytes[] calldata sigs
    ) external {
        if (!params.ledgerChannel) revert AdjudicatorNotLedgerChannel(state.channelID);
        if (!state.isFinal) revert AdjudicatorStateNotFinal(state.channelID);
        if (state.outcome.locked.length != 0) {
            revert AdjudicatorHasSubChannels(state.channelID, state.outcome.locked.length);
        }
        bytes32 id = _requireChannelID(params, state);
        bytes32 stateHash = Channel.hashStateFromCalldata(state);
        Sig.verifyAll(stateHash, sigs, params.participants);
        _requireWellFormed(params, state, id);
        _emitUpdate(
            id,
            _disputes[id].concludeFinal(id, stateHash, state.version, params.challengeDuration, Channel.hasApp(params))
        );
        Channel.Allocation calldata outcome = state.outcome;
        _pushOutcome(id, outcome.assets, params.participants, outcome.balances);
    }

    /**
     * @notice Concludes, without an outcome, a ledger channel whose parameters no state can ever
     * settle — no participant, a participant listed twice, or a challenge duration above
     * 2^32 - 1 — so that every deposit made under it becomes refundable to its depositor.
     * @dev Additive (not in perun-eth-contracts v1.0.0). `register` and `concludeFinal` refuse
     * such parameters, so without this, funds deposited into such a channel (e.g. by B into
     * [A, B, A]) would stay frozen forever; upstream even counted a duplicated participant's
     * deposits twice. No honest client signs a state of such a channel (the library's
     * `validateStateShape` refuses it), so nobody is owed anything beyond their deposit. Anyone
     * may call it; the asset holders then treat the channel as settled without an outcome and
     * pay every deposit back to its own funding ID's participant.
     * @param params The malformed parameters.
     */
    function concludeMalformed(Channel.Params calldata params) external {
        bytes32 id = Channel.channelIDFromCalldata(params);
        (uint256 defect, ) = _paramsDefect(params);
        if (defect == _DEFECT_NONE) revert AdjudicatorParamsNotMalformed(id);
        _emitUpdate(id, _disputes[id].concludeWithoutOutcome(id, Channel.hasApp(params)));
    }

    /**
     * @notice The dispute record of a channel (all zero when never registered).
     * @param id The channel ID.
     * @return timeout End of the current window (unix seconds).
     * @return challengeDuration The channel's challenge duration.
     * @return version The registered version.
     * @return phase 0 DISPUTE, 1 FORCEEXEC, 2 CONCLUDED.
     * @return stateHash Hash of the registered state.
     * @return hasApp Whether the channel has an app.
     */
    function disputes(
        bytes32 id
    )
        external
        view
        returns (uint64 timeout, uint64 challengeDuration, uint64 version, uint8 phase, bytes32 stateHash, bool hasApp)
    {
        DisputeRecord.Slots storage record = _disputes[id];
        uint256 meta = record.meta;
        return (
            DisputeRecord.timeoutOf(meta),
            DisputeRecord.durationOf(meta),
            DisputeRecord.versionOf(meta),
            DisputeRecord.phaseOf(meta),
            record.stateHash,
            DisputeRecord.hasAppOf(meta)
        );
    }

    /**
     * @notice The channel ID of `params`: `keccak256(abi.encode(params))`.
     * @param params The channel parameters.
     * @return The channel ID.
     */
    function channelID(Channel.Params calldata params) external pure returns (bytes32) {
        return Channel.channelID(params);
    }

    /**
     * @notice The hash participants sign: `keccak256(abi.encode(state))`.
     * @param state The state.
     * @return The state hash.
     */
    function hashState(Channel.State calldata state) external pure returns (bytes32) {
        return Channel.hashState(state);
    }

    /// @dev Registers `channel` and, depth-first, the sub-channels its locked allocations name,
    /// starting at `subChannels[next]`. Returns the per-asset total of the tree when asked for
    /// (only sub-channels need it) and the index after the last sub-channel used. The top-level
    /// (ledger) channel must be registrable; a sub-channel is registered only when newer.
    function _registerTree(
        SignedState calldata channel,
        SignedState[] calldata subChannels,
        uint256 next,
        bool isSub
    ) internal returns (uint256[] memory totals, uint256) {
        _registerSingle(channel, isSub);
        Channel.Allocation calldata alloc = channel.state.outcome;
        if (isSub) totals = Allocation.totals(alloc.balances);
        for (uint256 s; s < alloc.locked.length; ++s) {
            if (next >= subChannels.length) revert AdjudicatorSubChannelMissing(next);
            SignedState calldata sub = subChannels[next++];
            if (sub.params.ledgerChannel) revert AdjudicatorSubChannelIsLedger(sub.state.channelID);
            Channel.SubAlloc calldata subAlloc = alloc.locked[s];
            bytes32 subID = sub.state.channelID;
            if (subAlloc.ID != subID) revert AdjudicatorSubChannelIDMismatch(subAlloc.ID, subID);
            uint256[] memory subTotals;
            (subTotals, next) = _registerTree(sub, subChannels, next, true);
            _requireIndexMap(channel.params, sub.params, subAlloc, subID);
            Allocation.requireEqualAssets(alloc.assets, sub.state.outcome.assets);
            Arrays.requireEqualUint256(subTotals, subAlloc.balances);
            if (isSub) Arrays.addInPlace(totals, subTotals);
        }
        return (totals, next);
    }

    /**
     * @dev Reverts unless the index map names one distinct, existing parent participant for
     * each participant of `sub` (`indexMap.length == sub.participants.length`, every entry in
     * range, no entry twice) and, for a non-virtual `sub`, unless every participant of `sub` is
     * the parent participant its index-map entry names:
     * `sub.participants[i].ethAddress == parent.participants[indexMap[i]].ethAddress`.
     *
     * Why the shape applies to virtual channels too: upstream checked a virtual channel's index
     * map only at conclude, so a map pointing out of range froze the parent forever, and a
     * partial map left the unmapped participants' share of the lock stranded in the holder.
     *
     * Why: a parent's conclusion force-concludes its sub-channels, and a sub-channel in force
     * execution (FORCEEXEC) is concluded at once. Without this binding any participant of an app
     * sub-channel could name it in a ledger channel of its own (only itself as participant,
     * challenge duration 0, funded by nobody), conclude that at once and freeze the sub-channel
     * at its own last move, cutting the other participants' force-execution window short long
     * before the real parent could be concluded. With it, every parent that can conclude a
     * sub-channel contains all of the sub-channel's participants, and all of them signed the
     * parent's state that locks it (and with it this index map).
     *
     * Virtual channels are exempt on purpose: in Perun's virtual channels each parent is a
     * ledger channel between one end and the intermediary, who stands in for the other end, so
     * the index map maps a virtual participant to a different address in each parent. A virtual
     * channel can have no app (`AdjudicatorInvalidVirtualChannel`), hence no force-execution
     * phase a foreign parent could cut short; its refutation window is kept by
     * `DisputeRecord.forceConclude` in any case. What a foreign parent of a virtual channel can
     * still do is register a state of it that does not fit a real parent's lock (its
     * participants may sign anything); `_concludeSubChannels` makes that harmless.
     *
     * `conclude` needs no second check: it accepts a parent only with its registered state, and
     * every registration of a state that locks sub-channels (first registration or refutation)
     * runs through `_registerTree`, which checks the sub-channels' parameters from calldata even
     * when a sub-channel's own state is registered already and its registration is skipped;
     * `progress` cannot change a parent's locked allocations (`Allocation.requireEqualLocked`).
     * Only the Ethereum address is compared: it is the identity that signs, while `ccAddress`
     * matters on other chains only and sub-channel funds are paid to the parent's participants.
     */
    function _requireIndexMap(
        Channel.Params calldata parent,
        Channel.Params calldata sub,
        Channel.SubAlloc calldata subAlloc,
        bytes32 subID
    ) internal pure {
        Channel.Participant[] calldata parentParts = parent.participants;
        Channel.Participant[] calldata subParts = sub.participants;
        uint16[] calldata indexMap = subAlloc.indexMap;
        if (indexMap.length != subParts.length) {
            revert AdjudicatorIndexMapLengthMismatch(subID, subParts.length, indexMap.length);
        }
        bool bound = !sub.virtualChannel;
        for (uint256 i; i < indexMap.length; ++i) {
            uint256 parentIdx = indexMap[i];
            if (parentIdx >= parentParts.length) revert AdjudicatorIndexMapOutOfRange(subID, i);
            for (uint256 j; j < i; ++j) {
                if (indexMap[j] == parentIdx) revert AdjudicatorIndexMapDuplicate(subID, i);
            }
            if (bound) {
                address expected = parentParts[parentIdx].ethAddress;
                address given = subParts[i].ethAddress;
                if (given != expected) revert AdjudicatorSubChannelParticipantMismatch(subID, i, expected, given);
            }
        }
    }

    /// @dev Validates one signed state and registers or refutes it (upstream `registerSingle`);
    /// a sub-channel state only when it is newer (`DisputeRecord.registerIfNewer`).
    function _registerSingle(SignedState calldata channel, bool isSub) internal {
        Channel.Params calldata params = channel.params;
        Channel.State calldata state = channel.state;
        bytes32 id = _requireChannelID(params, state);
        bytes32 stateHash = Channel.hashStateFromCalldata(state);
        Sig.verifyAll(stateHash, channel.sigs, params.participants);
        _requireWellFormed(params, state, id);
        bool hasApp = Channel.hasApp(params);
        if (params.virtualChannel && (hasApp || state.outcome.locked.length != 0)) {
            revert AdjudicatorInvalidVirtualChannel(id);
        }
        DisputeRecord.Slots storage record = _disputes[id];
        uint256 meta = isSub
            ? record.registerIfNewer(stateHash, state.version, params.challengeDuration, hasApp, state.isFinal)
            : record.register(id, stateHash, state.version, params.challengeDuration, hasApp, state.isFinal);
        if (meta != 0) _emitUpdate(id, meta);
    }

    /// @dev Reverts unless the state is well-formed for its channel: the parameters have no defect
    /// (`_paramsDefect`: the one definition of "malformed" that `concludeMalformed` accepts and
    /// every settle path refuses; the challenge duration is checked by `DisputeRecord` where a
    /// window is opened or recorded), the outcome has the shape of `Allocation.requireShape`, and
    /// no asset holder of this chain is listed twice. Whom it protects: B, whose deposit into
    /// [A, B, A] upstream could never be paid out (see `concludeMalformed`); every parent
    /// participant, whom a malformed state used to freeze; and H, whose funds a state naming one
    /// holder twice froze (it registered, but no conclusion could set the outcome twice).
    function _requireWellFormed(
        Channel.Params calldata params,
        Channel.State calldata state,
        bytes32 id
    ) internal view {
        (uint256 defect, address participant) = _paramsDefect(params);
        if (defect == _DEFECT_NO_PARTICIPANTS) revert AdjudicatorNoParticipants(id);
        if (defect == _DEFECT_DUPLICATE_PARTICIPANT) revert AdjudicatorDuplicateParticipant(participant);
        Channel.Allocation calldata outcome = state.outcome;
        Allocation.requireShape(outcome, params.participants.length);
        for (uint256 a = 1; a < outcome.assets.length; ++a) {
            _localHolder(outcome.assets, a);
        }
    }

    uint256 private constant _DEFECT_NONE = 0;
    uint256 private constant _DEFECT_NO_PARTICIPANTS = 1;
    uint256 private constant _DEFECT_DUPLICATE_PARTICIPANT = 2;
    uint256 private constant _DEFECT_DURATION = 3;

    /// @dev The first defect of `params` that no state can ever overcome: no participant, a
    /// participant twice, or a challenge duration above `DisputeRecord.MAX_CHALLENGE_DURATION`
    /// (which `register`, `concludeFinal` and `progress` refuse through `DisputeRecord`).
    function _paramsDefect(Channel.Params calldata params) internal pure returns (uint256, address) {
        Channel.Participant[] calldata parts = params.participants;
        uint256 n = parts.length;
        if (n == 0) return (_DEFECT_NO_PARTICIPANTS, address(0));
        for (uint256 i = 1; i < n; ++i) {
            address p = parts[i].ethAddress;
            for (uint256 j; j < i; ++j) {
                if (parts[j].ethAddress == p) return (_DEFECT_DUPLICATE_PARTICIPANT, p);
            }
        }
        if (params.challengeDuration > DisputeRecord.MAX_CHALLENGE_DURATION) return (_DEFECT_DURATION, address(0));
        return (_DEFECT_NONE, address(0));
    }

    /**
     * @dev Force-concludes the sub-channels of `state` depth-first and returns the outcome of
     * `state` with every sub-channel's outcome added to the parent participants it maps to.
     *
     * A sub-channel's record is shared by all parents that lock it, and whoever holds all of a
     * sub-channel's keys can register any state of it through a parent of their own, including
     * one whose total differs from a real parent's lock (theft: the parent would pay out more or
     * less than it holds) — possible only if every participant of the sub-channel signed it, so
     * none of them is honest. The only honest parties that can be affected are parent
     * participants who are not participants of the sub-channel: those the index map skips (they
     * are untouched) and a virtual channel's intermediary, who stands in for the other end in
     * each of the two parents. When the registered sub-state does not fit this parent's lock
     * (`Allocation.fitsLock`), the lock is therefore shared equally among the index-map
     * positions, the first position taking the rounding remainder: in a two-party virtual
     * channel the intermediary stands in for position 1 in one parent and position 0 in the
     * other, so it receives exactly the lock it put in, whatever the ends signed; the ends, who
     * signed a state that does not fit, share what is left. Its own sub-channels are not
     * descended into (their states are listed, but skipped).
     *
     * The same equal shares are paid when the sub-channel is still inside its own refutation
     * window the ledger channel's challenge duration after its registration, or at the ledger
     * channel's timeout plus its duration, whichever comes first (`waits` packs both): its
     * window is longer than the ledger channel's (e.g. 2^32 - 1 s, a century), which upstream
     * let freeze the parent. The sub-channel's record is then left open, so its own participants
     * can still refute in it (no parent, real or fake, can cut a sub-channel's window short),
     * while the parent's other participants are paid without waiting. Refusing such a lock at
     * `register` instead would make every later state of the parent unenforceable for a client
     * that signed it (go-perun's clients do not compare durations): the rollback of issue 6.
     * Clients that sign a sub-channel with a longer window than its parent (refused by the
     * library's `validateStateShape`) give up the sub-channel's own split of the lock. The risk
     * stays with whoever signed the short parent, who could have checked: an intermediary that
     * locks a virtual channel in a parent whose window is shorter than the channel's, while the
     * other parent waits for the channel's window, may be paid half the lock in the first parent
     * and the channel's own split in the second. Sharing equally in every parent instead would
     * move that risk to the channel's other end, who cannot see the first parent at all.
     */
    function _concludeSubChannels(
        Channel.State calldata state,
        Channel.State[] calldata subStates,
        uint256 next,
        uint256 waits
    ) internal returns (uint256[][] memory outcome, uint256) {
        outcome = Allocation.copy(state.outcome.balances);
        Channel.SubAlloc[] calldata locked = state.outcome.locked;
        for (uint256 s; s < locked.length; ++s) {
            if (next >= subStates.length) revert AdjudicatorSubChannelMissing(next);
            next = _concludeSubChannel(outcome, state.outcome.assets, locked[s], subStates, next, waits);
        }
        return (outcome, next);
    }

    /// @dev Force-concludes `subStates[next]` (the sub-channel `lock` names) and adds its share
    /// of `lock` to `outcome`; returns the index after its sub-tree.
    function _concludeSubChannel(
        uint256[][] memory outcome,
        Channel.Asset[] calldata assets,
        Channel.SubAlloc calldata lock,
        Channel.State[] calldata subStates,
        uint256 next,
        uint256 waits
    ) internal returns (uint256) {
        Channel.State calldata sub = subStates[next++];
        bytes32 subID = sub.channelID;
        if (lock.ID != subID) revert AdjudicatorSubChannelIDMismatch(lock.ID, subID);
        (uint256 meta, bool open) = _disputes[subID].forceConclude(
            subID,
            Channel.hashStateFromCalldata(sub),
            uint128(waits),
            waits >> 128
        );
        if (meta != 0) _emitUpdate(subID, meta);
        if (!open && Allocation.fitsLock(assets, lock, sub.outcome)) {
            uint256[][] memory subOutcome;
            (subOutcome, next) = _concludeSubChannels(sub, subStates, next, waits);
            _addMapped(outcome, subOutcome, lock.indexMap, subID);
        } else {
            next = _skipSubTree(sub, subStates, next);
            _addEqualShares(outcome, lock, subID);
        }
        return next;
    }

    /// @dev `outcome[a][indexMap[p]] += subOutcome[a][p]` for every asset and position.
    function _addMapped(
        uint256[][] memory outcome,
        uint256[][] memory subOutcome,
        uint16[] calldata indexMap,
        bytes32 subID
    ) internal pure {
        for (uint256 a; a < outcome.length; ++a) {
            if (a >= subOutcome.length) revert AdjudicatorMissingBalances(a, subOutcome.length);
            uint256[] memory row = outcome[a];
            uint256[] memory subRow = subOutcome[a];
            for (uint256 p; p < indexMap.length; ++p) {
                uint256 parentIdx = indexMap[p];
                if (parentIdx >= row.length || p >= subRow.length) revert AdjudicatorIndexMapOutOfRange(subID, p);
                row[parentIdx] += subRow[p];
            }
        }
    }

    /// @dev Shares each asset's locked amount equally among the index-map positions (position 0
    /// takes the remainder); see `_concludeSubChannels`.
    function _addEqualShares(uint256[][] memory outcome, Channel.SubAlloc calldata lock, bytes32 subID) internal pure {
        uint16[] calldata indexMap = lock.indexMap;
        uint256 n = indexMap.length;
        if (n == 0) revert AdjudicatorIndexMapLengthMismatch(subID, 1, 0);
        for (uint256 a; a < outcome.length; ++a) {
            if (a >= lock.balances.length) revert AdjudicatorMissingBalances(a, lock.balances.length);
            uint256 total = lock.balances[a];
            uint256 share = total / n;
            uint256[] memory row = outcome[a];
            for (uint256 p; p < n; ++p) {
                uint256 parentIdx = indexMap[p];
                if (parentIdx >= row.length) revert AdjudicatorIndexMapOutOfRange(subID, p);
                row[parentIdx] += p == 0 ? total - share * (n - 1) : share;
            }
        }
    }

    /// @dev The index after the listed sub-tree of `state` (its states are not used).
    function _skipSubTree(
        Channel.State calldata state,
        Channel.State[] calldata subStates,
        uint256 next
    ) internal pure returns (uint256) {
        uint256 count = state.outcome.locked.length;
        for (uint256 s; s < count; ++s) {
            if (next >= subStates.length) revert AdjudicatorSubChannelMissing(next);
            next = _skipSubTree(subStates[next], subStates, next + 1);
        }
        return next;
    }

    /// @dev Checks a force-executed transition: version + 1, not from a final state, funds
    /// preserved, and the app's own rule (called with STATICCALL, as `validTransition` is pure).
    function _requireValidTransition(
        Channel.Params calldata params,
        Channel.State calldata from,
        Channel.State calldata to,
        uint256 actorIdx
    ) internal pure {
        if (uint256(to.version) != uint256(from.version) + 1) {
            revert AdjudicatorVersionNotIncremented(from.version, to.version);
        }
        if (from.isFinal) revert AdjudicatorProgressFromFinal(from.channelID);
        Allocation.requirePreservation(from.outcome, to.outcome, params.participants.length);
        App(params.app).validTransition(params, from, to, actorIdx);
    }

    /// @dev Reverts unless `state.channelID` is the ID of `params`; returns it.
    function _requireChannelID(
        Channel.Params calldata params,
        Channel.State calldata state
    ) internal pure returns (bytes32 id) {
        id = Channel.channelIDFromCalldata(params);
        if (state.channelID != id) revert AdjudicatorChannelIDMismatch(id, state.channelID);
    }

    /// @dev Sets the outcome at every asset holder of this chain named in `assets`.
    function _pushOutcome(
        bytes32 id,
        Channel.Asset[] calldata assets,
        Channel.Participant[] calldata participants,
        uint256[][] calldata balances
    ) internal {
        for (uint256 a; a < assets.length; ++a) {
            address holder = _localHolder(assets, a);
            if (holder != address(0)) {
                if (a >= balances.length) revert AdjudicatorMissingBalances(a, balances.length);
                SetOutcomeCall.invoke(holder, id, participants, balances[a]);
            }
        }
    }

    /// @dev As `_pushOutcome`, for an outcome accumulated in memory from sub-channels.
    function _pushAccumulatedOutcome(
        bytes32 id,
        Channel.Asset[] calldata assets,
        Channel.Participant[] calldata participants,
        uint256[][] memory balances
    ) internal {
        for (uint256 a; a < assets.length; ++a) {
            address holder = _localHolder(assets, a);
            if (holder != address(0)) {
                if (a >= balances.length) revert AdjudicatorMissingBalances(a, balances.length);
                // solhint-disable-next-line calls-loop
                AssetHolder(holder).setOutcome(id, participants, balances[a]);
            }
        }
    }

    /// @dev The holder of asset `a` if it is paid out on this chain, else zero; reverts if an
    /// earlier asset of this chain names the same holder.
    function _localHolder(Channel.Asset[] calldata assets, uint256 a) internal view returns (address holder) {
        if (assets[a].chainID != block.chainid) return address(0);
        holder = assets[a].ethHolder;
        if (holder == address(0)) return address(0);
        for (uint256 b; b < a; ++b) {
            if (assets[b].ethHolder == holder && assets[b].chainID == block.chainid) {
                revert AdjudicatorDuplicateAssetHolder(holder);
            }
        }
    }

    /// @dev Emits `ChannelUpdate` from a packed record.
    function _emitUpdate(bytes32 id, uint256 meta) internal {
        emit ChannelUpdate(
            id,
            DisputeRecord.versionOf(meta),
            DisputeRecord.phaseOf(meta),
            DisputeRecord.timeoutOf(meta)
        );
    }
}

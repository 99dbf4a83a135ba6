// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./libraries/Channel.sol";
import {Sig} from "./libraries/Sig.sol";
import {Holdings} from "./libraries/Holdings.sol";
import {CalldataHash} from "./libraries/CalldataHash.sol";
import {IAdjudicator} from "./interfaces/IAdjudicator.sol";
import {ReentrancyLock} from "./utils/ReentrancyLock.sol";

/**
 * @title AssetHolder
 * @notice Holds the funds of Perun channels for one asset: participants deposit under their
 * funding ID, the adjudicator sets each channel's outcome once, and participants withdraw their
 * share with a signed withdrawal authorisation. External ABI identical to perun-eth-contracts v1.0.0.
 * @dev Concrete holders implement how value comes in (`_receiveFunds`) and goes out
 * (`_sendFunds`). Every payout happens after the bookkeeping, and `withdraw` holds the
 * re-entrancy lock (as does an ERC-20 deposit while it measures what arrived). `setOutcome`
 * and an ETH deposit make no external call, so nothing can re-enter them.
 *
 * Upstream kept a separate `settled` mapping. Here the settled flag lives in the holdings
 * word of the channel ID itself (which upstream read and zeroed anyway), and every settled
 * balance carries the same flag in its own word (see `Holdings`), so `withdraw` needs no
 * extra lookup and `deposit` refuses funds for a settled channel ID or a settled balance.
 */
abstract contract AssetHolder is ReentrancyLock {
    /// @notice Authorises paying `amount` of `participant`'s balance in `channelID` to `receiver`.
    /// @dev Signed by `participant.ethAddress` over `abi.encode(authorization)` (eth_sign).
    struct WithdrawalAuth {
        bytes32 channelID;
        Channel.Participant participant;
        address payable receiver;
        uint256 amount;
    }

    /// @notice Domain tag of the replay-proof withdrawal authorisation signed for `withdrawBound`:
    /// `keccak256("perun-adjudicators/BoundWithdrawalAuth/v1")`.
    bytes32 public constant BOUND_WITHDRAWAL_DOMAIN = keccak256("perun-adjudicators/BoundWithdrawalAuth/v1");

    /// @notice The outcome of a channel was set.
    /// @param channelID The channel.
    event OutcomeSet(bytes32 indexed channelID);
    /// @notice Funds arrived for a funding ID.
    /// @param fundingID The funding ID credited.
    /// @param amount The amount credited (what actually arrived).
    event Deposited(bytes32 indexed fundingID, uint256 amount);
    /// @notice Funds were paid out.
    /// @param fundingID The funding ID debited.
    /// @param amount The amount paid.
    /// @param receiver The receiver.
    event Withdrawn(bytes32 indexed fundingID, uint256 amount, address receiver);

    /// @notice The adjudicator address must not be zero.
    error AssetHolderZeroAdjudicator();
    /// @notice Only the adjudicator may set outcomes.
    /// @param caller The caller.
    error AssetHolderNotAdjudicator(address caller);
    /// @notice An outcome needs one balance per participant.
    /// @param participants The number of participants.
    /// @param balances The number of balances.
    error AssetHolderOutcomeLengthMismatch(uint256 participants, uint256 balances);
    /// @notice A channel's outcome can be set only once.
    /// @param channelID The channel.
    error AssetHolderAlreadySettled(bytes32 channelID);
    /// @notice The same participant address appears twice; its balances would be counted twice.
    /// @param participant The duplicated address.
    error AssetHolderDuplicateParticipant(address participant);
    /// @notice Withdrawals need a settled channel.
    /// @param channelID The channel.
    error AssetHolderNotSettled(bytes32 channelID);
    /// @notice The funding ID holds less than the amount requested.
    /// @param fundingID The funding ID.
    /// @param available The amount held.
    /// @param requested The amount requested.
    error AssetHolderInsufficientHoldings(bytes32 fundingID, uint256 available, uint256 requested);
    /// @notice A G3 withdrawal must take the funding ID's whole remaining balance (single use).
    /// @param fundingID The funding ID.
    /// @param expected The amount held (the only amount a G3 authorisation may name).
    /// @param given The amount in the authorisation.
    error AssetHolderWithdrawalNotWhole(bytes32 fundingID, uint256 expected, uint256 given);
    /// @notice A bound withdrawal authorisation carries another nonce than the funding ID's next one.
    /// @param fundingID The funding ID.
    /// @param expected The funding ID's next nonce (`withdrawalNonce`).
    /// @param given The nonce in the authorisation.
    error AssetHolderWithdrawalNonceMismatch(bytes32 fundingID, uint256 expected, uint256 given);
    /// @notice The funding ID holds a settled balance or is a settled channel's ID; deposits are refused.
    /// @param fundingID The funding ID.
    error AssetHolderDepositAfterSettlement(bytes32 fundingID);
    /// @notice The deposit would take the funding ID's holdings above `Holdings.MAX_DEPOSIT` (2^192 - 1).
    /// @param fundingID The funding ID.
    /// @param held The amount held.
    /// @param added The amount to add.
    error AssetHolderHoldingsOverflow(bytes32 fundingID, uint256 held, uint256 added);

    uint8 private constant _PHASE_CONCLUDED = 2;

    /// @notice The only account allowed to call `setOutcome`.
    address public immutable adjudicator;

    /// @dev Raw holdings words, see `Holdings`.
    mapping(bytes32 id => uint256 word) internal _holdings;

    /// @dev Number of bound withdrawals made per funding ID (the next one's nonce).
    mapping(bytes32 fundingID => uint256 nonce) internal _withdrawalNonces;

    /// @notice Only the adjudicator may call.
    modifier onlyAdjudicator() {
        if (msg.sender != adjudicator) revert AssetHolderNotAdjudicator(msg.sender);
        _;
    }

    /**
     * @notice Binds the holder to its adjudicator.
     * @param _adjudicator The adjudicator allowed to set outcomes.
     */
    constructor(address _adjudicator) {
        if (_adjudicator == address(0)) revert AssetHolderZeroAdjudicator();
        adjudicator = _adjudicator;
    }

    /**
     * @notice Sets the final balances of a channel. Called by the adjudicator once per channel.
     * @dev When the deposits (plus funds held under the channel ID itself) cover the outcome,
     * every participant's holdings become its outcome balance; overfunding is forfeited as
     * upstream. When they do not, every participant keeps its own deposit, and what was
     * deposited under the bare channel ID (the pool, which has no owner to refund) goes towards
     * the outcome: in participant order, each participant's shortfall (outcome minus deposit)
     * is filled from the pool until it is empty. Upstream (and main before issue 6) dropped the
     * pool in that case; now every deposit ends in an outcome or stays refundable, and nobody
     * receives more than its outcome balance or less than its own deposit.
     * @param channelID The channel.
     * @param parts The participants, in channel order.
     * @param newBals The outcome balance of each participant for this asset.
     */
    function setOutcome(
        bytes32 channelID,
        Channel.Participant[] calldata parts,
        uint256[] calldata newBals
    ) external onlyAdjudicator {
        uint256 n = parts.length;
        if (n != newBals.length) revert AssetHolderOutcomeLengthMismatch(n, newBals.length);

        // Funds deposited under the channel ID itself count towards the channel (as upstream);
        // afterwards that word keeps only the settled flag.
        uint256 channelWord = _holdings[channelID];
        if (channelWord & Holdings.SETTLED != 0) revert AssetHolderAlreadySettled(channelID);
        uint256 sumHeld = channelWord;
        uint256 sumOutcome;
        bytes32[] memory ids = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            address participant = parts[i].ethAddress;
            for (uint256 j; j < i; ++j) {
                if (parts[j].ethAddress == participant) revert AssetHolderDuplicateParticipant(participant);
            }
            bytes32 id = Holdings.fundingID(channelID, participant);
            ids[i] = id;
            uint256 balance = newBals[i];
            unchecked {
                // Unflagged words (a flag would mean this channel is settled, checked above), each
                // at most MAX_DEPOSIT, fewer than 2^63 of them: sumHeld < 2^255, no wrap.
                sumHeld += _holdings[id];
                // The outcome comes from a signed state and may be absurd: a sum that wraps
                // saturates, so it still compares as "more than is held" (underfunded).
                uint256 next = sumOutcome + balance;
                sumOutcome = next < balance ? type(uint256).max : next;
            }
        }

        if (sumHeld >= sumOutcome) {
            for (uint256 i; i < n; ++i) {
                // balance <= sumOutcome <= sumHeld < 2^255: it fits beside the flag.
                uint256 balance = newBals[i];
                _holdings[ids[i]] = balance == 0 ? 0 : balance | Holdings.SETTLED;
            }
        } else {
            _settleUnderfunded(channelWord, ids, newBals);
        }
        _holdings[channelID] = Holdings.SETTLED;
        emit OutcomeSet(channelID);
    }

    /// @dev Underfunded outcome: every deposit stays withdrawable by its owner, and the pool (funds
    /// under the bare channel ID, which have no owner to refund) fills the participants'
    /// shortfalls (outcome minus deposit) in participant order until it is empty. The pool is
    /// smaller than the sum of the shortfalls (the outcome is underfunded), so none is left.
    function _settleUnderfunded(uint256 pool, bytes32[] memory ids, uint256[] calldata newBals) private {
        for (uint256 i; i < ids.length; ++i) {
            uint256 word = _holdings[ids[i]];
            uint256 balance = newBals[i];
            if (pool != 0 && balance > word) {
                uint256 fill = balance - word;
                if (fill > pool) fill = pool;
                unchecked {
                    // fill <= pool; word and pool are each at most MAX_DEPOSIT, so word stays below 2^193.
                    pool -= fill;
                    word += fill;
                }
            }
            if (word != 0) _holdings[ids[i]] = word | Holdings.SETTLED;
        }
    }

    /**
     * @notice Deposits funds for a funding ID (`keccak256(abi.encode(channelID, participant))`).
     * @dev Credits what actually arrived (see the concrete holder); refused while the funding
     * ID holds a settled balance. The word is read after the funds arrived, so nothing that
     * runs during an ERC-20 transfer can make this write stale.
     * @param fundingID The funding ID to credit.
     * @param amount The amount to deposit (ETH: must equal msg.value).
     */
    function deposit(bytes32 fundingID, uint256 amount) external payable {
        uint256 credited = _receiveFunds(amount);
        uint256 slot = _holdingsSlot(fundingID);
        uint256 word = _load(slot);
        if (word >= Holdings.SETTLED) revert AssetHolderDepositAfterSettlement(fundingID);
        unchecked {
            // An unflagged word is at most MAX_DEPOSIT (every credit passes this check), so the
            // subtraction cannot wrap, and the check makes word + credited <= MAX_DEPOSIT.
            if (credited > Holdings.MAX_DEPOSIT - word) revert AssetHolderHoldingsOverflow(fundingID, word, credited);
            _store(slot, word + credited);
        }
        emit Deposited(fundingID, credited);
    }

    /**
     * @notice Pays a participant's whole remaining balance to a receiver.
     * @dev Single use without storage (issue 15, finding 8; DESIGN §10 "G3 withdraw"): the G3
     * message binds no holder, chain or nonce, so `authorization.amount` must equal the funding
     * ID's whole remaining balance here. Once paid, the balance is zero and deposits into the
     * funding ID of a settled channel are credited to the same participant only; a replay pays
     * again only where the participant's remaining balance is exactly that amount, always all of
     * it and to the same receiver. `amount == 0` on an empty balance succeeds (pays nothing), as
     * go-perun signs it when it re-runs a settlement. go-perun's Ethereum backend always signs
     * `holdings(fundingID)` read just before (perun-eth-backend v0.6.0 `channel/withdraw.go`), and
     * a settled, non-empty balance refuses deposits, so nobody can move it between its read and
     * its transaction. Partial withdrawals: `withdrawBound`.
     * @param authorization Channel, participant, receiver and amount, signed by the participant.
     * @param signature The participant's 65-byte signature on `abi.encode(authorization)`.
     */
    function withdraw(WithdrawalAuth calldata authorization, bytes calldata signature) external nonReentrant {
        (bytes32 id, uint256 slot, uint256 word) = _requireWithdrawable(authorization);
        uint256 held = Holdings.amountOf(word);
        if (authorization.amount != held) revert AssetHolderWithdrawalNotWhole(id, held, authorization.amount);
        Sig.verify(
            Sig.ethSignedDigest(_authorizationHash(authorization)),
            signature,
            authorization.participant.ethAddress
        );
        _payOut(authorization, id, slot, word);
    }

    /**
     * @notice As `withdraw`, but the participant signs an authorisation that is valid once, at
     * this holder, on this chain: `abi.encode(BOUND_WITHDRAWAL_DOMAIN, address(this),
     * block.chainid, nonce, authorization)` (eth_sign), with `nonce == withdrawalNonce(fundingID)`.
     * @dev Additive (not in perun-eth-contracts v1.0.0). The G3 `withdraw` message binds no
     * holder, chain or nonce, so once signed it can be replayed by anyone, at this holder until
     * the participant's balance here is exhausted, at every other holder (ETH and ERC-20 alike)
     * and on every other chain where the channel has a balance for the participant, always to
     * the same receiver and amount. Here each use increments the funding ID's nonce, and the
     * holder and chain are part of the signed message, so an authorisation pays exactly once.
     * The library signs this form by default; go-perun clients keep using `withdraw`.
     * @param authorization Channel, participant, receiver and amount.
     * @param nonce The funding ID's next withdrawal nonce.
     * @param signature The participant's 65-byte signature on the bound message.
     */
    function withdrawBound(
        WithdrawalAuth calldata authorization,
        uint256 nonce,
        bytes calldata signature
    ) external nonReentrant {
        (bytes32 id, uint256 slot, uint256 word) = _requireWithdrawable(authorization);
        uint256 expected = _withdrawalNonces[id];
        if (nonce != expected) revert AssetHolderWithdrawalNonceMismatch(id, expected, nonce);
        bytes32 hash = keccak256(
            abi.encode(BOUND_WITHDRAWAL_DOMAIN, address(this), block.chainid, nonce, authorization)
        );
        Sig.verify(Sig.ethSignedDigest(hash), signature, authorization.participant.ethAddress);
        unchecked {
            // A uint256 counter incremented once per paid withdrawal cannot wrap.
            _withdrawalNonces[id] = expected + 1;
        }
        _payOut(authorization, id, slot, word);
    }

    /**
     * @notice The nonce the next `withdrawBound` authorisation of a funding ID must carry.
     * @param fundingID The funding ID.
     * @return The number of bound withdrawals made from it so far.
     */
    function withdrawalNonce(bytes32 fundingID) external view returns (uint256) {
        return _withdrawalNonces[fundingID];
    }

    /// @dev The funding ID of the authorisation, its holdings slot and word; reverts unless the
    /// channel is settled.
    function _requireWithdrawable(
        WithdrawalAuth calldata authorization
    ) private view returns (bytes32 id, uint256 slot, uint256 word) {
        bytes32 channel = authorization.channelID;
        id = Holdings.fundingID(channel, authorization.participant.ethAddress);
        slot = _holdingsSlot(id);
        word = _load(slot);
        // A settled balance carries its flag; only a deposit made after the balance was emptied
        // (or after a zero outcome) needs the channel's word.
        if (word & Holdings.SETTLED == 0 && !_settled(channel)) revert AssetHolderNotSettled(channel);
    }

    /// @dev Debits the authorised amount and pays it (after the bookkeeping).
    function _payOut(WithdrawalAuth calldata authorization, bytes32 id, uint256 slot, uint256 word) private {
        uint256 available = Holdings.amountOf(word);
        uint256 amount = authorization.amount;
        if (available < amount) revert AssetHolderInsufficientHoldings(id, available, amount);
        uint256 remaining;
        unchecked {
            // available >= amount was checked above.
            remaining = available - amount;
        }
        _store(slot, remaining == 0 ? 0 : remaining | (word & Holdings.SETTLED));
        address payable receiver = authorization.receiver;
        emit Withdrawn(id, amount, receiver);
        _sendFunds(receiver, amount);
    }

    /**
     * @notice The amount held for a funding ID (or under a channel ID).
     * @param id The funding ID.
     * @return The amount.
     */
    function holdings(bytes32 id) external view returns (uint256) {
        return Holdings.amountOf(_holdings[id]);
    }

    /**
     * @notice Whether the channel is settled: its outcome was set here, or the adjudicator
     * concluded it without an outcome for this holder (then deposits are refundable to their
     * participants instead of stuck, as they were upstream).
     * @param channelID The channel.
     * @return True once the channel's deposits can be withdrawn.
     */
    function settled(bytes32 channelID) external view returns (bool) {
        return _settled(channelID);
    }

    /// @dev Outcome set here, or concluded at the adjudicator (queried only in the rare second case).
    function _settled(bytes32 channelID) internal view returns (bool) {
        return _holdings[channelID] & Holdings.SETTLED != 0 || _concluded(channelID);
    }

    /// @dev Whether the adjudicator has concluded the channel. An adjudicator that does not
    /// answer `disputes` (not a contract, or not an Adjudicator) counts as "not concluded" rather
    /// than making `settled` revert.
    function _concluded(bytes32 channelID) internal view returns (bool concluded) {
        address adj = adjudicator;
        bytes4 selector = IAdjudicator.disputes.selector;
        // Call data (4 + 32 bytes) and the six-word answer use free memory without moving the
        // pointer; nothing reads them after this block. `ok` is taken before returndatasize().
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), channelID)
            let ok := staticcall(gas(), adj, ptr, 0x24, ptr, 0xc0)
            ok := and(ok, gt(returndatasize(), 0xbf))
            concluded := and(ok, eq(mload(add(ptr, 0x60)), _PHASE_CONCLUDED))
        }
    }

    /// @dev keccak256(abi.encode(authorization)) over its calldata bytes; compared only with the
    /// participant's signature, see `CalldataHash`. The canonical encoding ends with the
    /// participant's `ccAddress` bytes.
    function _authorizationHash(WithdrawalAuth calldata authorization) internal pure returns (bytes32) {
        uint256 start;
        // Reads the struct's calldata offset only.
        assembly ("memory-safe") {
            start := authorization
        }
        uint256 partRel = CalldataHash.offsetAt(start + 0x20);
        uint256 part = start + partRel;
        (uint256 ccRel, uint256 ccTail) = CalldataHash.bytesTail(part, part + 0x20);
        return CalldataHash.hashTuple(start, partRel + ccRel + ccTail);
    }

    /// @dev The storage slot of `_holdings[id]`, computed once for a read-modify-write (Solidity
    /// would hash the key again for the write).
    function _holdingsSlot(bytes32 id) private pure returns (uint256 slot) {
        // Solidity's mapping layout: keccak256(key ‖ mapping slot), hashed in the scratch space.
        assembly ("memory-safe") {
            mstore(0x00, id)
            mstore(0x20, _holdings.slot)
            slot := keccak256(0x00, 0x40)
        }
    }

    /// @dev Reads a holdings word by its slot.
    function _load(uint256 slot) private view returns (uint256 word) {
        // `slot` comes from `_holdingsSlot`, i.e. it is an element of `_holdings`.
        assembly {
            word := sload(slot)
        }
    }

    /// @dev Writes a holdings word by its slot.
    function _store(uint256 slot, uint256 word) private {
        // `slot` comes from `_holdingsSlot`, i.e. it is an element of `_holdings`.
        assembly {
            sstore(slot, word)
        }
    }

    /// @dev Takes `amount` from the caller and returns the amount that actually arrived.
    function _receiveFunds(uint256 amount) internal virtual returns (uint256 received);

    /// @dev Pays `amount` to `receiver`; reverts on failure.
    function _sendFunds(address payable receiver, uint256 amount) internal virtual;
}

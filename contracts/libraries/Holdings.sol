// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title Holdings
 * @notice Encoding of an asset holder's balance words.
 * @dev One mapping word per ID: the low 255 bits hold the amount, the top bit `SETTLED` is set
 * by `setOutcome` in the word of the channel ID itself (the channel is settled) and in every
 * participant word it writes (the amount is a settled balance). The flag costs nothing extra
 * in participant words (they are written anyway) and lets `withdraw` skip the "is the channel
 * settled?" lookup; `deposit` refuses to add to any flagged word, so funds sent to a settled
 * channel ID or to a settled balance bounce. A fully withdrawn word is cleared (for the storage
 * refund); a deposit made after that is credited to the same participant and stays withdrawable
 * with that participant's signature only, because the channel's own word says it is settled.
 */
library Holdings {
    /// @notice Flag: the amount is a balance set by `setOutcome` (the channel is settled).
    uint256 internal constant SETTLED = 1 << 255;
    /// @notice Largest amount one word can hold (2^255 - 1).
    uint256 internal constant MAX_AMOUNT = SETTLED - 1;
    /// @notice Largest amount a holding may reach by deposits (2^192 - 1, far above any real
    /// supply). A channel has fewer than 2^63 holdings (its participants' and its own ID's), so
    /// their sum stays below 2^255: `setOutcome` sums and splits them without any check that
    /// could revert. A hostile token (one whose `balanceOf` reports whatever its owner likes) can
    /// therefore fill its own holder's words, but never make the adjudicator's `conclude` — and
    /// with it the channel's other assets — revert (issue 15, finding 3).
    uint256 internal constant MAX_DEPOSIT = (1 << 192) - 1;

    /// @notice The funding ID of a participant in a channel: `keccak256(abi.encode(channelID, participant))`.
    /// @param channelID The channel.
    /// @param participant The participant's Ethereum address.
    /// @return id The funding ID.
    function fundingID(bytes32 channelID, address participant) internal pure returns (bytes32 id) {
        // abi.encode(bytes32, address) is exactly these two words; the scratch space 0x00..0x3f
        // holds them without touching allocated memory.
        assembly ("memory-safe") {
            mstore(0x00, channelID)
            mstore(0x20, participant)
            id := keccak256(0x00, 0x40)
        }
    }

    /// @notice The amount in a holdings word, without the flag.
    /// @param word The raw word.
    /// @return The amount.
    function amountOf(uint256 word) internal pure returns (uint256) {
        return word & MAX_AMOUNT;
    }
}

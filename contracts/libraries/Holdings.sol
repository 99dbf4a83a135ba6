// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title Holdings
 * @notice Encoding of an asset holder's balance slots.
 * @dev One mapping word per ID. The low 254 bits hold the amount; two high bits carry the
 * settlement state so no extra slot has to be written or read for it:
 * - `CHANNEL_SETTLED` in the word keyed by a channel ID: the channel's outcome is set
 *   (upstream's separate `settled` mapping). The amount in that word (funds deposited to the
 *   channel ID itself, which upstream counts towards the channel) is zero afterwards.
 * - `FUNDING_SETTLED` in a participant's word: the amount is a settled balance. Deposits are
 *   rejected while it is set. When the balance is fully withdrawn the word is cleared (for the
 *   storage refund); a later deposit is then credited to that participant alone and stays
 *   withdrawable with that participant's signature only, because the channel is settled.
 */
library Holdings {
    /// @notice Flag in a channel's own word: the outcome has been set.
    uint256 internal constant CHANNEL_SETTLED = 1 << 254;
    /// @notice Flag in a participant's word: the amount is a settled balance.
    uint256 internal constant FUNDING_SETTLED = 1 << 255;
    /// @notice Both flags.
    uint256 internal constant FLAGS = CHANNEL_SETTLED | FUNDING_SETTLED;
    /// @notice Largest amount one word can hold (2^254 - 1, far above any real supply).
    uint256 internal constant MAX_AMOUNT = CHANNEL_SETTLED - 1;

    /// @notice The funding ID of a participant in a channel: `keccak256(abi.encode(channelID, participant))`.
    /// @param channelID The channel.
    /// @param participant The participant's Ethereum address.
    /// @return id The funding ID.
    function fundingID(bytes32 channelID, address participant) internal pure returns (bytes32 id) {
        // abi.encode of (bytes32, address) is exactly these two words; the scratch space 0x00..0x3f
        // holds them without touching allocated memory.
        assembly ("memory-safe") {
            mstore(0x00, channelID)
            mstore(0x20, participant)
            id := keccak256(0x00, 0x40)
        }
    }

    /// @notice The amount in a holdings word, without flags.
    /// @param word The raw word.
    /// @return The amount.
    function amountOf(uint256 word) internal pure returns (uint256) {
        return word & MAX_AMOUNT;
    }
}

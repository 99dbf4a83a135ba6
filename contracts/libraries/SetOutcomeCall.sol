// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./Channel.sol";
import {CalldataHash} from "./CalldataHash.sol";
import {AssetHolder} from "../AssetHolder.sol";

/**
 * @title SetOutcomeCall
 * @notice `AssetHolder.setOutcome(channelID, participants, balances)` built by copying the
 * participants and the balance row straight from calldata.
 * @dev Solidity would decode the participants (with their `ccAddress` bytes) and re-encode them
 * into memory for every holder. Both arguments come from hash-verified calldata (the parameters
 * matched the signed channel ID, the state was signed or registered), so their bytes are the
 * canonical ABI encoding and can be copied as they are: a dynamic array's encoding is its
 * length word followed by its contiguous body. The holder's revert data is passed through.
 */
library SetOutcomeCall {
    /// @notice An asset names a holder address without code on this chain.
    /// @param holder The address.
    error SetOutcomeCallHolderNotContract(address holder);

    /// @notice Calls `holder.setOutcome(id, participants, row)`.
    /// @param holder The asset holder (must have code).
    /// @param id The channel.
    /// @param participants The channel's participants (inside hash-verified parameters).
    /// @param row The balances of this asset, one per participant (inside a verified state).
    function invoke(
        address holder,
        bytes32 id,
        Channel.Participant[] calldata participants,
        uint256[] calldata row
    ) internal {
        if (holder.code.length == 0) revert SetOutcomeCallHolderNotContract(holder);
        (uint256 partsStart, uint256 partsSize) = _participantsEncoding(participants);
        uint256 rowStart;
        // Calldata offset of the row's length word.
        assembly {
            rowStart := sub(row.offset, 0x20)
        }
        _call(holder, id, partsStart, partsSize, rowStart, 0x20 + (row.length << 5));
    }

    /// @dev Calldata offset and canonical size of a participants array's encoding: the length
    /// word, the heads, and the tails, the last of which ends with its ccAddress bytes.
    function _participantsEncoding(
        Channel.Participant[] calldata participants
    ) private pure returns (uint256 start, uint256 size) {
        uint256 n = participants.length;
        // Calldata offset of the array's length word.
        assembly {
            start := sub(participants.offset, 0x20)
        }
        size = 0x20;
        if (n != 0) {
            uint256 lastRel = CalldataHash.offsetAt(start + (n << 5));
            uint256 last = start + 0x20 + lastRel;
            (uint256 ccRel, uint256 ccTail) = CalldataHash.bytesTail(last, last + 0x20);
            size += lastRel + ccRel + ccTail;
        }
    }

    /// @dev Sends selector ‖ id ‖ 0x60 ‖ (0x60 + partsSize) ‖ participants ‖ row to `holder`.
    function _call(
        address holder,
        bytes32 id,
        uint256 partsStart,
        uint256 partsSize,
        uint256 rowStart,
        uint256 rowSize
    ) private {
        bytes4 selector = AssetHolder.setOutcome.selector;
        // The call data is built in free memory (not reserved: only the call reads it); on
        // failure the holder's revert data is copied there and re-raised unchanged.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), id)
            mstore(add(ptr, 0x24), 0x60)
            mstore(add(ptr, 0x44), add(0x60, partsSize))
            calldatacopy(add(ptr, 0x64), partsStart, partsSize)
            calldatacopy(add(add(ptr, 0x64), partsSize), rowStart, rowSize)
            if iszero(call(gas(), holder, 0, ptr, add(0x64, add(partsSize, rowSize)), 0, 0)) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title CalldataHash
 * @notice `keccak256(abi.encode(x))` of a dynamic struct argument computed over its calldata
 * bytes as sent, instead of letting Solidity decode and re-encode it (thousands of gas per hash).
 * @dev `abi.encode(x)` of one dynamic tuple is `0x20 ‖ tuple bytes`, and a canonical ABI encoder
 * (ethers, go-ethereum, Solidity) lays the tuple bytes out contiguously in calldata, so the
 * hash is `keccak256(0x20 ‖ calldata[start, start + size))` with `size` the canonical length.
 *
 * Safe use: the result must only be compared with a hash that was signed or stored. If the
 * calldata is not the canonical encoding, the hash differs and the comparison fails. If it
 * matches, collision resistance means the bytes are exactly the canonical encoding of the
 * signed value; every ABI offset inside them is relative to the tuple start, so Solidity's
 * calldata accessors read exactly the signed values. A caller using a non-canonical encoder
 * is rejected, never misread.
 */
library CalldataHash {
    /// @notice A struct's encoding would run past the end of the calldata (malformed offsets or lengths).
    /// @param end Where the encoding would end.
    /// @param size The calldata size.
    error CalldataHashOutOfBounds(uint256 end, uint256 size);

    /// @notice keccak256(0x20 ‖ calldata[start, start + size)).
    /// @param start Calldata offset of the tuple's first head word.
    /// @param size Length of the tuple bytes.
    /// @return h The hash.
    function hashTuple(uint256 start, uint256 size) internal pure returns (bytes32 h) {
        uint256 end = start + size;
        if (end > msg.data.length) revert CalldataHashOutOfBounds(end, msg.data.length);
        // Writes 0x20 and the slice to free memory without moving the free memory pointer:
        // the bytes are only hashed here and never read again.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, 0x20)
            calldatacopy(add(ptr, 0x20), start, size)
            h := keccak256(ptr, add(size, 0x20))
        }
    }

    /// @notice The relative offset stored in a dynamic member's head word, clamped to calldatasize().
    /// @param headPos Calldata offset of the head word.
    /// @return rel The offset (relative to the enclosing tuple).
    function offsetAt(uint256 headPos) internal pure returns (uint256 rel) {
        // Calldata read only; clamped so later sums cannot wrap.
        assembly ("memory-safe") {
            rel := calldataload(headPos)
            if gt(rel, calldatasize()) { rel := calldatasize() }
        }
    }

    /// @notice Canonical size of a `bytes` member's tail: length word plus padded data.
    /// @dev Loads the length at `tupleStart + rel` where `rel` is the member's head offset;
    /// values are clamped to calldatasize() so no sum can wrap (an oversized result simply
    /// fails the bounds check in `hashTuple`).
    /// @param tupleStart Calldata offset of the enclosing tuple.
    /// @param headPos Calldata offset of the member's head word (holding its relative offset).
    /// @return rel The member's offset relative to `tupleStart`.
    /// @return tail The size of the member's tail (0x20 + padded length).
    function bytesTail(uint256 tupleStart, uint256 headPos) internal pure returns (uint256 rel, uint256 tail) {
        // Calldata reads only; clamped before arithmetic.
        assembly ("memory-safe") {
            let cds := calldatasize()
            rel := calldataload(headPos)
            if gt(rel, cds) { rel := cds }
            let len := calldataload(add(tupleStart, rel))
            if gt(len, cds) { len := cds }
            tail := add(0x20, and(add(len, 0x1f), not(0x1f)))
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/**
 * @title Arrays
 * @notice Equality and element-wise addition of integer arrays, with typed errors instead of
 * out-of-bounds panics.
 */
library Arrays {
    /// @notice Two arrays that must be equal have different lengths.
    /// @param expected The length of the reference array.
    /// @param actual The length of the other array.
    error ArraysLengthMismatch(uint256 expected, uint256 actual);
    /// @notice Two arrays that must be equal differ at an index.
    /// @param index The first differing index.
    error ArraysItemMismatch(uint256 index);

    /// @notice Reverts unless `a` (memory) equals `b` (calldata).
    /// @param a The reference array.
    /// @param b The array that must equal it.
    function requireEqualUint256(uint256[] memory a, uint256[] calldata b) internal pure {
        if (a.length != b.length) revert ArraysLengthMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            if (a[i] != b[i]) revert ArraysItemMismatch(i);
        }
    }

    /// @notice Reverts unless `a` equals `b`.
    /// @param a The reference array.
    /// @param b The array that must equal it.
    function requireEqualUint256Calldata(uint256[] calldata a, uint256[] calldata b) internal pure {
        if (a.length != b.length) revert ArraysLengthMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            if (a[i] != b[i]) revert ArraysItemMismatch(i);
        }
    }

    /// @notice Reverts unless `a` equals `b`.
    /// @param a The reference array.
    /// @param b The array that must equal it.
    function requireEqualUint16(uint16[] calldata a, uint16[] calldata b) internal pure {
        if (a.length != b.length) revert ArraysLengthMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            if (a[i] != b[i]) revert ArraysItemMismatch(i);
        }
    }

    /// @notice `a[i] += b[i]` for every i (checked arithmetic).
    /// @param a The accumulator, modified in place.
    /// @param b The summand; must have the same length.
    function addInPlace(uint256[] memory a, uint256[] memory b) internal pure {
        if (a.length != b.length) revert ArraysLengthMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            a[i] += b[i];
        }
    }
}

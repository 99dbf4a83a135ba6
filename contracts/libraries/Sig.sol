// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./Channel.sol";

/**
 * @title Sig
 * @notice The signature acceptance policy of DESIGN.md section 2, identical on every chain and in
 * the TypeScript library: a signature over bytes `d` is the 65-byte `r ‖ s ‖ v` secp256k1
 * signature of `keccak256("\x19Ethereum Signed Message:\n32" ‖ keccak256(d))` with `v ∈ {27, 28}`,
 * `0 < r < n`, `0 < s ≤ n/2`, a non-zero recovered address equal to the expected signer.
 * @dev Upstream also accepted 64-byte compact signatures; we do not, so that every chain accepts
 * exactly the same set of signatures (the cross-chain property tests check this).
 */
library Sig {
    /// @notice The secp256k1 group order n.
    uint256 internal constant CURVE_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    /// @notice The largest accepted s (n / 2): only the low-s half is accepted, so signatures are not malleable.
    uint256 internal constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @notice The signature is not exactly 65 bytes long.
    /// @param length The length received.
    error SignatureInvalidLength(uint256 length);
    /// @notice The recovery byte v is neither 27 nor 28.
    /// @param v The v received.
    error SignatureInvalidV(uint8 v);
    /// @notice r is zero or not below the curve order.
    /// @param r The r received.
    error SignatureInvalidR(bytes32 r);
    /// @notice s is zero or in the upper half of the curve order (malleable).
    /// @param s The s received.
    error SignatureInvalidS(bytes32 s);
    /// @notice ecrecover found no signer for this digest and signature.
    error SignatureZeroSigner();
    /// @notice The signature is valid but made by someone else.
    /// @param expected The required signer.
    /// @param recovered The address that actually signed.
    error SignatureSignerMismatch(address expected, address recovered);
    /// @notice A state needs exactly one signature per participant, in participant order.
    /// @param participants The number of participants.
    /// @param signatures The number of signatures received.
    error SignatureCountMismatch(uint256 participants, uint256 signatures);

    /// @notice The eth_sign digest of a 32-byte hash: `keccak256("\x19Ethereum Signed Message:\n32" ‖ hash)`.
    /// @param hash `keccak256` of the signed bytes.
    /// @return digest The digest that is actually signed.
    function ethSignedDigest(bytes32 hash) internal pure returns (bytes32 digest) {
        // The 28-byte prefix and the hash fit the 64-byte scratch space (0x00..0x3f), which
        // Solidity lets inline assembly use freely; no memory is allocated.
        assembly ("memory-safe") {
            mstore(0x00, "\x19Ethereum Signed Message:\n32")
            mstore(0x1c, hash)
            digest := keccak256(0x00, 0x3c)
        }
    }

    /// @notice Recovers the signer of `digest`, enforcing the acceptance policy.
    /// @param digest The eth_sign digest (see `ethSignedDigest`).
    /// @param sig The 65-byte `r ‖ s ‖ v` signature.
    /// @return signer The recovered, non-zero signer.
    function recover(bytes32 digest, bytes calldata sig) internal view returns (address signer) {
        return _recover(digest, _offsetOf(sig), sig.length);
    }

    /// @notice Reverts unless `sig` is a policy-conforming signature of `expected` over `digest`.
    /// @param digest The eth_sign digest.
    /// @param sig The 65-byte signature.
    /// @param expected The required signer.
    function verify(bytes32 digest, bytes calldata sig, address expected) internal view {
        address recovered = recover(digest, sig);
        if (recovered != expected) revert SignatureSignerMismatch(expected, recovered);
    }

    /// @notice Reverts unless `sigs[i]` is participant `i`'s signature over the state hash, for every i.
    /// @dev Precondition: `participants` lies inside parameters already matched against a signed
    /// channel ID (see `CalldataHash`), so its offsets are canonical and read directly. The
    /// signatures are outside any hashed region, so their offsets are untrusted: a bad offset
    /// yields some bytes of the calldata (or zeros past its end), which fail the length check or
    /// recover to an address that is not the participant.
    /// @param stateHash `keccak256(abi.encode(state))`.
    /// @param sigs One signature per participant, in participant order.
    /// @param participants The channel's participants.
    function verifyAll(
        bytes32 stateHash,
        bytes[] calldata sigs,
        Channel.Participant[] calldata participants
    ) internal view {
        uint256 n = participants.length;
        if (sigs.length != n) revert SignatureCountMismatch(n, sigs.length);
        bytes32 digest = ethSignedDigest(stateHash);
        for (uint256 i; i < n; ++i) {
            uint256 sigStart;
            uint256 sigLength;
            uint256 expected;
            // Element i of a calldata array of dynamic items: head i holds the item's offset
            // relative to the first head. A Participant starts with its ethAddress word.
            assembly {
                let head := shl(5, i)
                let sigPtr := add(sigs.offset, calldataload(add(sigs.offset, head)))
                sigLength := calldataload(sigPtr)
                sigStart := add(sigPtr, 0x20)
                expected := calldataload(add(participants.offset, calldataload(add(participants.offset, head))))
            }
            address recovered = _recover(digest, sigStart, sigLength);
            // A dirty address word never equals a recovered (clean) address, so it is rejected too.
            if (uint256(uint160(recovered)) != expected) {
                revert SignatureSignerMismatch(address(uint160(expected)), recovered);
            }
        }
    }

    /// @dev The policy checks and ecrecover over a signature at calldata [start, start + length).
    function _recover(bytes32 digest, uint256 start, uint256 length) private view returns (address signer) {
        if (length != 65) revert SignatureInvalidLength(length);
        bytes32 r;
        bytes32 s;
        uint8 v;
        // length == 65, so the three loads read the signature's bytes only.
        assembly {
            r := calldataload(start)
            s := calldataload(add(start, 0x20))
            v := byte(0, calldataload(add(start, 0x40)))
        }
        if (v != 27 && v != 28) revert SignatureInvalidV(v);
        if (r == 0 || uint256(r) >= CURVE_ORDER) revert SignatureInvalidR(r);
        if (s == 0 || uint256(s) > MAX_S) revert SignatureInvalidS(s);
        // The precompile's input goes to free memory without moving the pointer (nothing reads
        // it afterwards) and its 32-byte output to scratch word 0x00, cleared first because a
        // failed recovery returns no data.
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, digest)
            mstore(add(ptr, 0x20), v)
            mstore(add(ptr, 0x40), r)
            mstore(add(ptr, 0x60), s)
            mstore(0x00, 0)
            pop(staticcall(gas(), 0x01, ptr, 0x80, 0x00, 0x20))
            signer := mload(0x00)
        }
        if (signer == address(0)) revert SignatureZeroSigner();
    }

    /// @dev The calldata offset of a bytes slice.
    function _offsetOf(bytes calldata data) private pure returns (uint256 offset) {
        // Reads the slice's offset only.
        assembly {
            offset := data.offset
        }
    }
}

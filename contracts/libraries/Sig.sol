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
    function recover(bytes32 digest, bytes calldata sig) internal pure returns (address signer) {
        if (sig.length != 65) revert SignatureInvalidLength(sig.length);
        bytes32 r;
        bytes32 s;
        uint8 v;
        // sig.length == 65 was checked above, so the three loads stay inside the calldata slice.
        assembly {
            r := calldataload(sig.offset)
            s := calldataload(add(sig.offset, 0x20))
            v := byte(0, calldataload(add(sig.offset, 0x40)))
        }
        if (v != 27 && v != 28) revert SignatureInvalidV(v);
        if (r == 0 || uint256(r) >= CURVE_ORDER) revert SignatureInvalidR(r);
        if (s == 0 || uint256(s) > MAX_S) revert SignatureInvalidS(s);
        signer = ecrecover(digest, v, r, s);
        if (signer == address(0)) revert SignatureZeroSigner();
    }

    /// @notice Reverts unless `sig` is a policy-conforming signature of `expected` over `digest`.
    /// @param digest The eth_sign digest.
    /// @param sig The 65-byte signature.
    /// @param expected The required signer.
    function verify(bytes32 digest, bytes calldata sig, address expected) internal pure {
        address recovered = recover(digest, sig);
        if (recovered != expected) revert SignatureSignerMismatch(expected, recovered);
    }

    /// @notice Reverts unless `sigs[i]` is participant `i`'s signature over the state hash, for every i.
    /// @param stateHash `keccak256(abi.encode(state))`.
    /// @param sigs One signature per participant, in participant order.
    /// @param participants The channel's participants.
    function verifyAll(
        bytes32 stateHash,
        bytes[] calldata sigs,
        Channel.Participant[] calldata participants
    ) internal pure {
        uint256 n = participants.length;
        if (sigs.length != n) revert SignatureCountMismatch(n, sigs.length);
        bytes32 digest = ethSignedDigest(stateHash);
        for (uint256 i; i < n; ++i) {
            verify(digest, sigs[i], participants[i].ethAddress);
        }
    }
}

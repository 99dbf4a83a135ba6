// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Channel} from "./Channel.sol";
import {Arrays} from "./Arrays.sol";

/**
 * @title Allocation
 * @notice Rules on a state's outcome: asset lists that must match, conservation of funds in a
 * force-executed transition, and per-asset totals used to check sub-channel funding.
 */
library Allocation {
    /// @notice Two asset lists that must match have different lengths.
    /// @param expected The reference length.
    /// @param actual The other length.
    error AllocationAssetCountMismatch(uint256 expected, uint256 actual);
    /// @notice Two asset lists that must match differ at an index.
    /// @param index The index of the differing asset.
    error AllocationAssetMismatch(uint256 index);
    /// @notice An outcome's `balances` has not one row per asset.
    /// @param assets The number of assets.
    /// @param rows The number of balance rows.
    error AllocationBalancesCountMismatch(uint256 assets, uint256 rows);
    /// @notice A balance row has not one entry per participant.
    /// @param asset The asset index of the row.
    /// @param participants The number of participants.
    /// @param entries The number of entries in the row.
    error AllocationParticipantCountMismatch(uint256 asset, uint256 participants, uint256 entries);
    /// @notice A force-executed transition changed the total of an asset.
    /// @param asset The asset index.
    /// @param before The total in the old state.
    /// @param after_ The total in the new state.
    error AllocationSumMismatch(uint256 asset, uint256 before, uint256 after_);
    /// @notice Two sub-channel allocation lists that must match have different lengths.
    /// @param expected The reference length.
    /// @param actual The other length.
    error AllocationLockedCountMismatch(uint256 expected, uint256 actual);
    /// @notice Two sub-channel allocations that must match have different IDs.
    /// @param index The index of the differing sub-allocation.
    error AllocationLockedMismatch(uint256 index);
    /// @notice A sub-channel allocation has not one locked balance per asset.
    /// @param index The index of the sub-allocation.
    /// @param assets The number of assets.
    /// @param entries The number of locked balances.
    error AllocationLockedBalancesCountMismatch(uint256 index, uint256 assets, uint256 entries);

    /**
     * @notice Reverts unless the outcome has exactly one balance row per asset, one entry per
     * participant in every row, and one locked balance per asset in every sub-allocation.
     * @dev Checked whenever a state is registered or concluded cooperatively. Whom it protects:
     * a ledger channel's honest participant (and a virtual channel's intermediary) from a state
     * that its other participants signed with a short or long row, which upstream accepted and
     * which then made every later `conclude` of a parent revert on an out-of-range index, so
     * that the parent's funds stayed frozen. A state that is registered is well-formed; `progress`
     * keeps the shape (`requirePreservation`).
     * @param alloc The outcome.
     * @param numParts The number of channel participants.
     */
    function requireShape(Channel.Allocation calldata alloc, uint256 numParts) internal pure {
        uint256 numAssets = alloc.assets.length;
        uint256[][] calldata balances = alloc.balances;
        if (balances.length != numAssets) revert AllocationBalancesCountMismatch(numAssets, balances.length);
        for (uint256 a; a < numAssets; ++a) {
            uint256 entries = balances[a].length;
            if (entries != numParts) revert AllocationParticipantCountMismatch(a, numParts, entries);
        }
        Channel.SubAlloc[] calldata locked = alloc.locked;
        for (uint256 s; s < locked.length; ++s) {
            uint256 entries = locked[s].balances.length;
            if (entries != numAssets) revert AllocationLockedBalancesCountMismatch(s, numAssets, entries);
        }
    }

    /**
     * @notice Whether a registered sub-channel state fits the lock its parent holds for it:
     * same assets, one row per asset with one entry per index-map position, and per asset the
     * sub-channel's own balances plus its locked balances summing exactly to the locked amount.
     * @dev Never reverts (an overflowing sum counts as "does not fit"): a parent's conclusion
     * must not depend on what a sub-channel's participants signed. See `Adjudicator._concludeSubChannels`.
     * @param parentAssets The parent's assets.
     * @param lock The parent's sub-allocation for the sub-channel.
     * @param sub The sub-channel's registered outcome.
     * @return True when the sub-state can be paid out of the lock as it is.
     */
    function fitsLock(
        Channel.Asset[] calldata parentAssets,
        Channel.SubAlloc calldata lock,
        Channel.Allocation calldata sub
    ) internal pure returns (bool) {
        uint256 numAssets = parentAssets.length;
        if (!equalAssets(parentAssets, sub.assets)) return false;
        if (sub.balances.length != numAssets || lock.balances.length != numAssets) return false;
        uint256 width = lock.indexMap.length;
        Channel.SubAlloc[] calldata locked = sub.locked;
        for (uint256 a; a < numAssets; ++a) {
            uint256[] calldata row = sub.balances[a];
            if (row.length != width) return false;
            uint256 sum;
            unchecked {
                // Each addition is checked for wrap-around by hand: a sum that wraps does not fit.
                for (uint256 p; p < width; ++p) {
                    uint256 next = sum + row[p];
                    if (next < sum) return false;
                    sum = next;
                }
                for (uint256 s; s < locked.length; ++s) {
                    uint256[] calldata lb = locked[s].balances;
                    if (lb.length != numAssets) return false;
                    uint256 next = sum + lb[a];
                    if (next < sum) return false;
                    sum = next;
                }
            }
            if (sum != lock.balances[a]) return false;
        }
        return true;
    }

    /// @notice Whether both asset lists are identical (chain, holder and cross-chain holder).
    /// @param a One list.
    /// @param b The other list.
    /// @return True when they are equal.
    function equalAssets(Channel.Asset[] calldata a, Channel.Asset[] calldata b) internal pure returns (bool) {
        if (a.length != b.length) return false;
        for (uint256 i; i < a.length; ++i) {
            Channel.Asset calldata x = a[i];
            Channel.Asset calldata y = b[i];
            if (
                x.chainID != y.chainID ||
                x.ethHolder != y.ethHolder ||
                keccak256(x.ccHolder) != keccak256(y.ccHolder)
            ) {
                return false;
            }
        }
        return true;
    }

    /// @notice Reverts unless both asset lists are identical (chain, holder and cross-chain holder).
    /// @param a The reference list.
    /// @param b The list that must equal it.
    function requireEqualAssets(Channel.Asset[] calldata a, Channel.Asset[] calldata b) internal pure {
        if (a.length != b.length) revert AllocationAssetCountMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            Channel.Asset calldata x = a[i];
            Channel.Asset calldata y = b[i];
            if (
                x.chainID != y.chainID ||
                x.ethHolder != y.ethHolder ||
                keccak256(x.ccHolder) != keccak256(y.ccHolder)
            ) {
                revert AllocationAssetMismatch(i);
            }
        }
    }

    /// @notice Reverts unless both sub-channel allocation lists are identical.
    /// @param a The reference list.
    /// @param b The list that must equal it.
    function requireEqualLocked(Channel.SubAlloc[] calldata a, Channel.SubAlloc[] calldata b) internal pure {
        if (a.length != b.length) revert AllocationLockedCountMismatch(a.length, b.length);
        for (uint256 i; i < a.length; ++i) {
            if (a[i].ID != b[i].ID) revert AllocationLockedMismatch(i);
            Arrays.requireEqualUint256Calldata(a[i].balances, b[i].balances);
            Arrays.requireEqualUint16(a[i].indexMap, b[i].indexMap);
        }
    }

    /// @notice Reverts unless a force-executed transition keeps assets, sub-channels and every
    /// asset's total, with one balance per participant (upstream `requireAssetPreservation`).
    /// @param from The old outcome.
    /// @param to The new outcome.
    /// @param numParts The number of channel participants.
    function requirePreservation(
        Channel.Allocation calldata from,
        Channel.Allocation calldata to,
        uint256 numParts
    ) internal pure {
        requireEqualAssets(from.assets, to.assets);
        uint256 numAssets = to.assets.length;
        if (from.balances.length != numAssets) revert AllocationBalancesCountMismatch(numAssets, from.balances.length);
        if (to.balances.length != numAssets) revert AllocationBalancesCountMismatch(numAssets, to.balances.length);
        requireEqualLocked(from.locked, to.locked);
        for (uint256 a; a < numAssets; ++a) {
            uint256[] calldata oldRow = from.balances[a];
            uint256[] calldata newRow = to.balances[a];
            if (oldRow.length != numParts) revert AllocationParticipantCountMismatch(a, numParts, oldRow.length);
            if (newRow.length != numParts) revert AllocationParticipantCountMismatch(a, numParts, newRow.length);
            uint256 sumOld;
            uint256 sumNew;
            for (uint256 p; p < numParts; ++p) {
                sumOld += oldRow[p];
                sumNew += newRow[p];
            }
            if (sumOld != sumNew) revert AllocationSumMismatch(a, sumOld, sumNew);
        }
    }

    /// @notice The total of every asset row: `totals[a] = sum(balances[a])`.
    /// @param balances `balances[asset][participant]`.
    /// @return sums One total per asset.
    function totals(uint256[][] calldata balances) internal pure returns (uint256[] memory sums) {
        sums = new uint256[](balances.length);
        for (uint256 a; a < balances.length; ++a) {
            uint256[] calldata row = balances[a];
            uint256 sum;
            for (uint256 p; p < row.length; ++p) {
                sum += row[p];
            }
            sums[a] = sum;
        }
    }

    /// @notice A memory copy of `balances`, to accumulate sub-channel outcomes into.
    /// @param balances `balances[asset][participant]`.
    /// @return result The copy.
    function copy(uint256[][] calldata balances) internal pure returns (uint256[][] memory result) {
        result = new uint256[][](balances.length);
        for (uint256 a; a < balances.length; ++a) {
            result[a] = balances[a];
        }
    }
}

/**
 * Backend IDs used in `Allocation.backends[i]` to say which chain pays out asset i.
 *
 * - ETH = 1 and CKB = 3 are the IDs go-perun's Ethereum backend and perun-ckb-backend
 *   already use, so states stay meaningful to existing go-perun clients.
 * - ICP = 0x494350 ("ICP" in ASCII, 4801360). go-perun hands out small sequential backend
 *   IDs (1, 2, 3, …) to its backends, and its own Internet Computer backend signs with
 *   ed25519, i.e. it is NOT this secp256k1/ABI backend, so reusing any small number would
 *   risk two different payout rules answering to one ID. An ASCII tag is far outside that
 *   sequence, self-describing in a hex dump, and still fits every integer type a chain
 *   might store it in. The same constant is an ICP asset's `chainID` (DESIGN.md §2).
 */
export const BACKEND_ETH = 1n;
/** See {@link BACKEND_ETH}. */
export const BACKEND_CKB = 3n;
/** See {@link BACKEND_ETH} for why this value. */
export const BACKEND_ICP = 0x494350n;

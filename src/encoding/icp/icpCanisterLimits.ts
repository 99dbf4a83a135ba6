/**
 * What the ICP adjudicator canister adjudicates at most, measured at these values in the test
 * host with the IC's instruction weights (canisters/adjudicator/benchmarks.json, `atBound`):
 * every exit path (dispute register/refute, conclude, concludeDispute, withdraw) of a channel
 * with this many participants and assets costs at most half of the IC's 40 B instructions per
 * update message. A secp256k1 recovery costs ≈ 200 M instructions, and every state carries one
 * signature per participant, so the participant count is what binds.
 *
 * Pure constants, no imports: the canister refuses past them before any signature recovery
 * (TooManyParticipants / TooManyAssets), and the signing policy (src/policy) reads the same
 * numbers for its ICP row.
 */
export const ICP_CANISTER_MAX_PARTICIPANTS = 64;

/** Assets of an outcome, of every chain together (each adds a balance row to hash and check). */
export const ICP_CANISTER_MAX_ASSETS = 16;

/** Half of the IC's 40 B instructions per update message: the budget every exit path stays within at the bounds. */
export const ICP_INSTRUCTION_BUDGET = 20_000_000_000;

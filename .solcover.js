// solidity-coverage: measure the production contracts only (test tokens, receivers and apps
// under contracts/test are fixtures, not code under test).
module.exports = {
  skipFiles: ["test/"],
};

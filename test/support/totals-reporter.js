// Mocha reporter: the usual spec output, then one machine-readable closing line
// "N passed, N failed, N skipped" (CI does not recognise mocha's "N passing").
// Loaded by hardhat's mocha as a reporter; as a test file it registers nothing.
"use strict";
const Mocha = require("mocha");

class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => failed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => skipped++);
    // Registered after Spec's own epilogue handler, so this prints last. Written to stdout
    // directly: a test that stubs console.log must not be able to swallow the totals.
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    });
  }
}

module.exports = TotalsReporter;

// The extension-host suite's entry (extensionTestsPath): VS Code requires this file in the
// extension host and calls run(); a rejected promise means "failed" (exit code 1).
//
// Runs every suite/*.test.js with mocha (TDD interface: suite/test/setup/teardown), spec
// reporter without colours. Environment (runTests' extensionTestsEnv):
//   GD_EXT_RESULTS  a file to write { passed, failed, pending, failures } to (runTest.mjs prints
//                   the final "N passed, M failed" line from it);
//   GD_EXT_GREP     run only the tests whose full title matches this (a regular expression).
//   GD_EXT_LOG_MARK set by launcher.mjs (code-server): every line of the reporter (and of
//                   helpers.log) starts with this mark, so that the launcher can tell the suite's
//                   output from the workbench's own log lines: both reach it through the same log
//                   service, where printf-style arguments arrive joined with commas, so lines are
//                   formatted here. (The extension host's console methods cannot be replaced:
//                   VS Code defines them as non-configurable getters.)
'use strict';

const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const { log } = require('./helpers');

// mocha's reporters print through Base.consoleLog (printf-style).
Mocha.reporters.Base.consoleLog = log;

function writeResults(results) {
  const file = process.env.GD_EXT_RESULTS;
  if (!file) return;
  try {
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
  } catch (e) {
    log(`could not write ${file}: ${e.message}`);
  }
}

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 40_000, reporter: 'spec' });
  if (process.env.GD_EXT_GREP) mocha.grep(new RegExp(process.env.GD_EXT_GREP));
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const failures = [];
    let runner;
    try {
      runner = mocha.run((failed) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        writeResults({ passed: passes, failed, pending, failures });
        if (failed > 0) reject(new Error(`${failed} test${failed === 1 ? '' : 's'} failed`));
        else resolve();
      });
      runner.on('fail', (t, err) => failures.push({ title: t.fullTitle(), error: String(err && err.message) }));
    } catch (e) {
      writeResults({ passed: 0, failed: 1, pending: 0, failures: [{ title: 'loading the suite', error: String(e && e.stack) }] });
      reject(e);
    }
  });
}

module.exports = { run };

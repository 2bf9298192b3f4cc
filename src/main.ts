/**
 * The GitHub Actions edge: the only module that talks to @actions/core. The run itself is
 * `runAwaitDeploy`, shared with the command line.
 */
import * as core from '@actions/core';
import { runAwaitDeploy } from './app.js';
import { plainLogLine } from './core/logger.js';
import type { SignalWatch } from './edge/signals.js';
import type { Edge } from './edge/types.js';
import { withoutLegacyCommands } from './edge/workflow-commands.js';

/** `signals` is watched from the entry point's first line. */
export function run(signals: SignalWatch): Promise<void> {
  return runAwaitDeploy(githubEdge(), signals);
}

function githubEdge(): Edge {
  return {
    readInput: (name) => core.getInput(name, { trimWhitespace: false }),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (secret) => core.setSecret(secret),
    debug: (message) => core.debug(withoutLegacyCommands(message)),
    info: (message) => core.info(withoutLegacyCommands(plainLogLine(message))),
    warning: (message) => core.warning(withoutLegacyCommands(message)),
    setFailed: (message) => core.setFailed(withoutLegacyCommands(message)),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    env: process.env,
  };
}

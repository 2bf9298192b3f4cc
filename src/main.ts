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
export async function run(signals: SignalWatch): Promise<void> {
  await runAwaitDeploy(githubEdge(), signals);
}

function githubEdge(): Edge {
  return {
    readInput: (name) => core.getInput(name, { trimWhitespace: false }),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (secret) => core.setSecret(secret),
    debug: (message) => core.debug(withoutLegacyCommands(message)),
    info: (message) => core.info(withoutLegacyCommands(plainLogLine(message))),
    warning: (message) => core.warning(withoutLegacyCommands(message)),
    error: (message, { title }) => core.error(withoutLegacyCommands(message), { title: withoutLegacyCommands(title) }),
    group: (title, lines) => {
      core.startGroup(withoutLegacyCommands(plainLogLine(title)));
      for (const line of lines) core.info(withoutLegacyCommands(plainLogLine(line)));
      core.endGroup();
    },
    setFailed: (message) => core.setFailed(withoutLegacyCommands(message)),
    writeSummary: async (markdown) => {
      // A local run (`npx @github/local-action` without the variable) has no summary file: a note, not a warning.
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info('No job summary written: GITHUB_STEP_SUMMARY is not set.');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    env: process.env,
  };
}

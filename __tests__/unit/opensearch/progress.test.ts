import { describe, expect, it } from 'vitest';
import type { Component, Snapshot } from '../../../src/core/types.ts';
import { withTemplateProgress } from '../../../src/providers/opensearch/progress.ts';

const resource = (name: string): Component => ({ name, kind: 'resource', state: 'succeeded' });
const provisioning = (components: Component[]): Snapshot => ({
  state: 'in_progress',
  providerStatus: 'PROVISIONING',
  message: 'provisioning',
  components,
});

describe('progress from the template', () => {
  it('counts the resources created against the provision steps', () => {
    expect(withTemplateProgress(provisioning([resource('connector'), resource('model')]), 4).progress).toBe(50);
    expect(withTemplateProgress(provisioning([]), 3).progress).toBe(0);
  });

  it('never says 100 before the plugin says COMPLETED', () => {
    const all = provisioning([resource('a'), resource('b'), resource('c')]);
    expect(withTemplateProgress(all, 3).progress).toBe(99);
  });

  it("leaves the plugin's own figure, finished states and templates without steps alone", () => {
    const own = { ...provisioning([resource('a')]), progress: 10 };
    expect(withTemplateProgress(own, 2)).toBe(own);
    const done: Snapshot = { ...provisioning([resource('a')]), state: 'succeeded', providerStatus: 'COMPLETED' };
    expect(withTemplateProgress(done, 2)).toBe(done);
    const noSteps = provisioning([resource('a')]);
    expect(withTemplateProgress(noSteps, 0)).toBe(noSteps);
  });
});

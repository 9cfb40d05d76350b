import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '../../support/api-test';

/** Runs scripts/ci-lane.mjs as the workflow does, with an event payload; answers what it wrote. */
function lane(eventName: string, event: unknown, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const eventPath = `${dir}/event.json`;
  const outputPath = `${dir}/output`;
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(outputPath, '');
  execFileSync(process.execPath, ['scripts/ci-lane.mjs'], {
    env: {
      ...process.env,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
    },
  });
  return readFileSync(outputPath, 'utf8').trim();
}

test.describe('CI lanes: a pull request runs the quick lane unless it asks for the full one', () => {
  test('a plain pull request takes the quick lane', ({}, testInfo) => {
    const pullRequest = { pull_request: { title: 'Fix a label', labels: [{ name: 'ui' }] } };
    expect(lane('pull_request', pullRequest, testInfo.outputDir)).toBe('lane=quick');
  });

  test('a pull request labelled full-test, or titled [full-test], takes the full lane', ({}, testInfo) => {
    const labelled = { pull_request: { title: 'Close fence', labels: [{ name: 'full-test' }] } };
    const titled = { pull_request: { title: '[full-test] Close fence', labels: [] } };
    expect(lane('pull_request', labelled, testInfo.outputDir)).toBe('lane=full');
    expect(lane('pull_request', titled, testInfo.outputDir)).toBe('lane=full');
  });

  test('a label other than full-test, or an edit that does not title it [full-test], runs nothing', ({}, testInfo) => {
    const pullRequest = { title: 'Close fence', labels: [{ name: 'ui' }] };
    const labelledUi = { action: 'labeled', label: { name: 'ui' }, pull_request: pullRequest };
    const describedOnly = { action: 'edited', changes: { body: { from: '' } }, pull_request: pullRequest };
    const retitledQuick = {
      action: 'edited',
      changes: { title: { from: 'WIP' } },
      pull_request: pullRequest,
    };
    expect(lane('pull_request', labelledUi, testInfo.outputDir)).toBe('lane=skip');
    expect(lane('pull_request', describedOnly, testInfo.outputDir)).toBe('lane=skip');
    expect(lane('pull_request', retitledQuick, testInfo.outputDir)).toBe('lane=skip');
  });

  test('labelling full-test, or retitling [full-test], starts the full lane', ({}, testInfo) => {
    const labelled = {
      action: 'labeled',
      label: { name: 'full-test' },
      pull_request: { title: 'Close fence', labels: [{ name: 'full-test' }] },
    };
    const retitled = {
      action: 'edited',
      changes: { title: { from: 'Close fence' } },
      pull_request: { title: '[Full-Test] Close fence', labels: [] },
    };
    expect(lane('pull_request', labelled, testInfo.outputDir)).toBe('lane=full');
    expect(lane('pull_request', retitled, testInfo.outputDir)).toBe('lane=full');
  });

  test('pushes to main and manual runs take the full lane', ({}, testInfo) => {
    expect(lane('push', { ref: 'refs/heads/main' }, testInfo.outputDir)).toBe('lane=full');
    expect(lane('workflow_dispatch', {}, testInfo.outputDir)).toBe('lane=full');
  });
});

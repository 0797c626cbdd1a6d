/**
 * What `npm test` and `npm run test:wordpress` do about missing Debian packages
 * (scripts/debian-packages.js): install them when run as root, print the command to run
 * as root otherwise (through sudo when there is one, su when not), and leave a system
 * without apt to the caller. Only the plan and its words: nothing here runs apt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

import { ensurePackages, installCommand, installPlan, onPath, planMessage } from '../../../scripts/debian-packages.js';

const debian = { apt: true, root: false, sudo: false };

describe('the plan for missing packages', () => {
  test('nothing missing: nothing to do', () => {
    expect(installPlan([], { ...debian, root: true })).toEqual({ action: 'none', packages: [] });
  });

  test('as root on Debian: apt-get update, then apt-get install without recommends', () => {
    expect(installPlan(['chromium', 'xvfb'], { ...debian, root: true })).toEqual({
      action: 'install',
      packages: ['chromium', 'xvfb'],
      command: 'apt-get update && apt-get install -y --no-install-recommends chromium xvfb',
      steps: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'xvfb'],
      ],
    });
  });

  test('not root, no sudo: the command for root, through su', () => {
    expect(installPlan(['firefox-esr'], debian)).toEqual({
      action: 'ask',
      packages: ['firefox-esr'],
      command: "su -c 'apt-get update && apt-get install -y --no-install-recommends firefox-esr'",
    });
  });

  test('not root, with sudo: the command through sudo', () => {
    expect(installPlan(['wordpress', 'php-cli'], { ...debian, sudo: true })).toMatchObject({
      action: 'ask',
      command: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends wordpress php-cli',
    });
  });

  test('root with sudo too: no sudo in the command', () => {
    expect(installPlan(['chromium'], { apt: true, root: true, sudo: true })).toMatchObject({
      command: 'apt-get update && apt-get install -y --no-install-recommends chromium',
    });
  });

  test('no apt-get or dpkg-query: not Debian, whoever runs it', () => {
    expect(installPlan(['chromium'], { apt: false, root: true, sudo: true })).toEqual({
      action: 'unsupported',
      packages: ['chromium'],
    });
  });

  test('a package two browsers need is installed once', () => {
    expect(installPlan(['xvfb', 'chromium', 'xvfb'], { ...debian, root: true }).packages).toEqual(['xvfb', 'chromium']);
  });

  test('what is not a Debian package name never reaches a command', () => {
    for (const name of ["x'; rm -rf / #", '--allow-unauthenticated', 'Chromium', 'a', '']) {
      expect(() => installPlan([name], debian), name).toThrow(/not a Debian package name/);
    }
    expect(() => installCommand(['php8.2-cli', 'libstdc++6', 'g++'])).not.toThrow();
  });
});

describe('what is printed', () => {
  const reasons = { chromium: 'Chromium', xvfb: 'a virtual X display for WebKit to run on' };

  test('not root: the packages, why, and the command to run as root', () => {
    expect(planMessage(installPlan(['chromium', 'xvfb'], debian), { purpose: 'the browser tests', reasons })).toBe(
      [
        'The browser tests need Debian packages that are not installed:',
        '  chromium  Chromium',
        '  xvfb      a virtual X display for WebKit to run on',
        'Install them as root:',
        "  su -c 'apt-get update && apt-get install -y --no-install-recommends chromium xvfb'",
        '(Run as root, `npm test` and `npm run test:wordpress` install the packages they need themselves.)',
      ].join('\n'),
    );
  });

  test('as root: which packages it installs, and why', () => {
    expect(
      planMessage(installPlan(['xvfb'], { ...debian, root: true }), { purpose: 'the browser tests', reasons }),
    ).toBe(
      [
        'Installing the Debian packages the browser tests need, as root:',
        '  xvfb  a virtual X display for WebKit to run on',
      ].join('\n'),
    );
  });

  test('a package with no reason given is listed by name', () => {
    expect(planMessage(installPlan(['php-cli'], { ...debian, sudo: true }))).toContain('\n  php-cli\n');
  });

  test('not Debian: the packages, and no command', () => {
    const message = planMessage(installPlan(['chromium'], { apt: false }), { purpose: 'the browser tests', reasons });
    expect(message).toMatch(
      /^The browser tests need these Debian packages .* this is not Debian \(no apt-get or dpkg-query\):\n {2}chromium {2}Chromium$/,
    );
    expect(message).not.toContain('apt-get install');
  });
});

describe('deciding on a machine', () => {
  test('without apt, nothing is run and the caller hears it is not Debian', async () => {
    const logged: string[] = [];
    const outcome = await ensurePackages(
      { chromium: 'Chromium' },
      { machine: { apt: false, root: true, sudo: false }, log: (line) => logged.push(line) },
    );
    expect(outcome).toBe('unsupported');
    expect(logged).toEqual([]);
  });

  const folder = mkdtempSync(join(tmpdir(), 'debian-packages-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('a program is on PATH when a folder of PATH has it, executable', () => {
    writeFileSync(join(folder, 'sudo'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(folder, 'apt-get'), 'not executable', { mode: 0o644 });
    expect(onPath('sudo', `/nonexistent:${folder}`)).toBe(true);
    expect(onPath('apt-get', folder)).toBe(false);
    expect(onPath('sudo', '/nonexistent')).toBe(false);
  });
});

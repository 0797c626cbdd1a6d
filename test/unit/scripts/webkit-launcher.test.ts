/**
 * The browser tests' WebKit launcher (scripts/webkit-launcher.js) starts its own Xvfb and
 * WebKitWebDriver, and neither may outlive the run, however the run ends. Each test starts
 * the launcher in a child Node process, as the test runner does, and reads the process
 * table (/proc) for what it started. Needs Debian's xvfb and webkit2gtk-driver, as
 * `npm test` does.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The launcher as the test runner uses it, driven over stdin: "stop" stops it. */
const launcherProcess = `
  import { createInterface } from 'node:readline';
  import { webkitLauncher } from './scripts/webkit-launcher.js';
  const launcher = webkitLauncher();
  await launcher.initialize({ concurrency: 1 });
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stop') {
      await launcher.stop();
      console.log('stopped');
    }
  }
`;

/** Parent pid and state of a process, or undefined once it is gone. */
function status(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}
/** Whether a process still runs (an exited one its parent has not yet reaped does not). */
const running = (pid: number) => ![undefined, 'Z', 'X'].includes(status(pid)?.state);
const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    return '';
  }
};

/** Every process below `pid`, by program name (Xvfb, WebKitWebDriver, sh…). */
function descendants(pid: number): { pid: number; program: string }[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const parent = status(Number(name))?.ppid;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) for (const child of children.get(queue.shift()!) ?? []) (queue.push(child), found.push(child));
  return found.map((child) => ({ pid: child, program: commandLine(child).split('/').pop()! }));
}

/** Starts the launcher in a child process; resolves once its Xvfb and driver are up. */
async function startLauncher(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', launcherProcess], { cwd: root });
  started.push(child);
  await nextLine(child, 'ready');
  return child;
}
function nextLine(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdout.on('data', function listen(chunk) {
      output += chunk;
      if (output.split('\n').includes(line)) {
        child.stdout.off('data', listen);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the launcher exited (${code}) before "${line}": ${errors}`)));
  });
}
async function waitUntil(condition: () => boolean, timeout: number): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}

const started: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

describe('the WebKit launcher of the browser tests', () => {
  test('starts its own Xvfb and WebKitWebDriver, and stopping the run stops both before it returns', async () => {
    const child = await startLauncher();
    const helpers = descendants(child.pid!).filter(
      ({ program }) => program === 'Xvfb' || program === 'WebKitWebDriver',
    );
    expect(helpers.map(({ program }) => program).sort()).toEqual(['WebKitWebDriver', 'Xvfb']);

    child.stdin.write('stop\n');
    await nextLine(child, 'stopped');
    expect(helpers.filter(({ pid }) => running(pid))).toEqual([]);
    expect(descendants(child.pid!)).toEqual([]);
  }, 30000);

  test('leaves no Xvfb or WebKitWebDriver behind when the run is killed outright', async () => {
    const child = await startLauncher();
    const helpers = descendants(child.pid!);
    expect(helpers.filter(({ program }) => program === 'Xvfb' || program === 'WebKitWebDriver')).toHaveLength(2);

    child.kill('SIGKILL');
    expect(await waitUntil(() => helpers.every(({ pid }) => !running(pid)), 5000)).toBe(true);
  }, 30000);

  test('two runs side by side each get their own display and driver port', async () => {
    const children = await Promise.all([startLauncher(), startLauncher()]);
    const drivers = children.map(
      (child) => descendants(child.pid!).find(({ program }) => program === 'WebKitWebDriver')!.pid,
    );
    const ports = drivers.map((pid) => /--port=(\d+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))![1]);
    const displays = drivers.map((pid) =>
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .find((entry) => entry.startsWith('DISPLAY=')),
    );
    expect(new Set(ports).size).toBe(2);
    expect(displays.every(Boolean)).toBe(true);
    expect(new Set(displays).size).toBe(2);
  }, 30000);
});

describe('choosing the engines of a browser-test run', () => {
  const checkBrowsers = (browsers: string) =>
    spawnSync(process.execPath, ['scripts/check-browsers.js'], {
      cwd: root,
      env: { ...process.env, BROWSERS: browsers },
      encoding: 'utf8',
    });

  test('BROWSERS=webkit runs WebKit alone, and it is installed', () => {
    expect(checkBrowsers('webkit').status).toBe(0);
  });

  test('an engine the tests do not know is refused, naming the ones they do', () => {
    const result = checkBrowsers('chromium,safari');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('BROWSERS names safari; the browsers are chromium, firefox, webkit');
  });
});

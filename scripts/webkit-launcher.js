/**
 * WebKit for the browser tests: Debian's WebKitGTK MiniBrowser, driven through
 * WebKitWebDriver by @web/test-runner-webdriver. MiniBrowser has no headless mode, so
 * each run starts its own virtual X display (Xvfb) and its own WebKitWebDriver on a
 * free loopback port, and stops both when the run ends. Each process is tied to this
 * Node process: it also stops when a run fails, is interrupted or is killed.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { browserPath, installHint, missingFor } from './browsers.js';

/**
 * Runs "$@" until this shell's standard input closes. Node holds the only other end of
 * that pipe, so the process stops when Node closes it or exits in any way, even killed.
 * The shell closes its own copy of fd 3 (Xvfb's -displayfd) so that Node sees the pipe
 * close when Xvfb dies before it is ready.
 */
const untilNodeLetsGo = '"$@" </dev/null & child=$!; exec 3>&-; read -r _; kill "$child" 2>/dev/null; wait "$child"';

const startTimeout = 15000;

/** One helper process; `stop()` ends it and resolves once it has exited. */
function startTied(command, args, { env, displayFd = false } = {}) {
  const shell = spawn('sh', ['-c', untilNodeLetsGo, 'sh', command, ...args], {
    env,
    stdio: ['pipe', 'ignore', 'pipe', ...(displayFd ? ['pipe'] : [])],
  });
  let stderr = '';
  shell.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => shell.once('close', resolve));
  return {
    shell,
    exited,
    output: () => stderr.trim(),
    stop() {
      shell.stdin.end();
      return exited;
    },
  };
}

/** Starts Xvfb on the first free display and resolves with it (":N") once it accepts clients. */
async function startXvfb(xvfb) {
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it is ready.
  const server = startTied(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    displayFd: true,
  });
  try {
    const display = await new Promise((resolve, reject) => {
      let written = '';
      const timer = setTimeout(
        () => reject(new Error(`Xvfb did not start within ${startTimeout / 1000} s`)),
        startTimeout,
      );
      const fd = server.shell.stdio[3];
      fd.setEncoding('utf8').on('data', (chunk) => {
        written += chunk;
        if (written.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${written.trim()}`);
        }
      });
      fd.on('end', () => {
        clearTimeout(timer);
        reject(new Error('Xvfb exited before it was ready'));
      });
    });
    return { server, display };
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\n${server.output()}`, { cause: error });
  }
}

/** A TCP port on 127.0.0.1 nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free loopback port and resolves once it answers /status.
 * Another run may take the port between the probe and the driver's start: the driver
 * then exits at once, and a new port is tried.
 */
async function startWebDriver(webDriver, display) {
  // GDK_BACKEND: MiniBrowser opens its window on the virtual display, even from a Wayland desktop.
  const env = { ...process.env, DISPLAY: display, GDK_BACKEND: 'x11' };
  delete env.WAYLAND_DISPLAY;
  let output = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const driver = startTied(webDriver, [`--port=${port}`, '--host=127.0.0.1'], { env });
    let gone = false;
    driver.exited.then(() => (gone = true));
    const deadline = Date.now() + startTimeout;
    while (!gone && Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/status`);
        if (response.ok) return { driver, port };
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await driver.stop();
    output = `port ${port}: ${driver.output()}`;
    if (!gone) break;
  }
  throw new Error(`WebKitWebDriver did not start (${output})`);
}

/** MiniBrowser through WebKitWebDriver, with the Xvfb display and the driver it needs. */
class WebKitLauncher extends WebdriverLauncher {
  #helpers = [];

  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        // WebKitWebDriver knows WebKitGTK's browser by the name of its binary, not "webkit".
        browserName: 'MiniBrowser',
        // WebDriver classic: webdriverio 9 otherwise asks for a BiDi webSocketUrl, which this driver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: browserPath('webkit'), args: ['--automation'] },
      },
    });
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    const missing = missingFor('webkit');
    if (missing.length) throw new Error(`WebKit needs ${missing.join(', ')}: ${installHint.webkit}`);
    const { server, display } = await startXvfb(browserPath('xvfb'));
    this.#helpers.push(server);
    try {
      const { driver, port } = await startWebDriver(browserPath('webkitWebDriver'), display);
      this.#helpers.push(driver);
      this.options.port = port;
    } catch (error) {
      await this.#stopHelpers();
      throw error;
    }
  }

  /**
   * Types one key at a time. webdriverio's `keys()` presses every key of a sequence before
   * releasing any, and WebKitWebDriver then drops keys pressed again while still down:
   * "Thank you for the clear report." arrived as "Thank youforthecleareport.". A `press`
   * (one key) is unchanged.
   */
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }

  async stop() {
    await super.stop();
    await this.#stopHelpers();
  }

  /** The driver first, then the display its browser windows were on. */
  async #stopHelpers() {
    for (const helper of this.#helpers.reverse()) await helper.stop();
    this.#helpers = [];
  }
}

/** The Web Test Runner launcher for WebKit (its test runs need `concurrency: 1`). */
export function webkitLauncher() {
  return new WebKitLauncher();
}

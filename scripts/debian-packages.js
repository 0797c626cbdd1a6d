/**
 * The Debian packages the tests need (browsers; WordPress, MariaDB and PHP), installed
 * the way `npx playwright install --with-deps` installs a browser's: run as root,
 * `npm test` and `npm run test:wordpress` install the missing ones themselves and say
 * which and why; run as another user, they print the command to run as root and stop.
 * Used by scripts/check-browsers.js, and by scripts/wordpress.sh from the command line:
 *
 *   node scripts/debian-packages.js [--for WHAT] [--keep-services-off] PACKAGE[=WHY]...
 *
 * exits 0 when every package is installed (after installing the missing ones, as root),
 * 1 when some are still missing (having said what to do). --keep-services-off stops
 * Debian from starting the services a package brings (Apache, MariaDB) as it installs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, unlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const installOptions = ['-y', '--no-install-recommends'];
/** Debian policy, 5.6.1: lower case letters, digits, `+`, `-` and `.`, starting with a letter or digit. */
const packageName = /^[a-z0-9][a-z0-9+.-]+$/;

/** Throws unless every name is a Debian package name (so none is an option, nor breaks out of quotes). */
export function checkNames(packages) {
  const wrong = packages.filter((name) => !packageName.test(name));
  if (wrong.length) throw new Error(`not a Debian package name: ${wrong.join(', ')}`);
}

/**
 * The command that installs packages, as a user types it on this machine ({ root, sudo }):
 * as root, `apt-get update && apt-get install -y --no-install-recommends …`; otherwise
 * the same through sudo when there is a sudo, or through `su -c '…'` (root's password).
 */
export function installCommand(packages, { root = false, sudo = false } = {}) {
  checkNames(packages);
  const command = (prefix) =>
    `${prefix}apt-get update && ${prefix}apt-get install ${installOptions.join(' ')} ${packages.join(' ')}`;
  if (root) return command('');
  return sudo ? command('sudo ') : `su -c '${command('')}'`;
}

/**
 * What to do about the packages that are missing, on a machine described as
 * { apt, root, sudo } (see thisMachine()):
 *   { action: 'none' }                      nothing is missing
 *   { action: 'install', command, steps }   root on Debian: run steps (argv lists), as command says
 *   { action: 'ask', command }              not root: the command to run as root
 *   { action: 'unsupported' }               no apt-get or dpkg-query: not a Debian system
 * Each has `packages`, the missing ones (without repeats).
 */
export function installPlan(missing, { apt, root, sudo }) {
  const packages = [...new Set(missing)];
  if (!packages.length) return { action: 'none', packages };
  if (!apt) return { action: 'unsupported', packages };
  const command = installCommand(packages, { root, sudo });
  if (!root) return { action: 'ask', packages, command };
  return {
    action: 'install',
    packages,
    command,
    steps: [
      ['apt-get', 'update'],
      ['apt-get', 'install', ...installOptions, ...packages],
    ],
  };
}

/**
 * What to print about a plan: the packages, each with why it is needed (`reasons`, by
 * name), for `purpose` ("the browser tests"); then what happens or what to type.
 */
export function planMessage(plan, { purpose = 'the tests', reasons = {} } = {}) {
  const width = Math.max(...plan.packages.map((name) => name.length));
  const list = plan.packages.map((name) => `  ${reasons[name] ? `${name.padEnd(width)}  ${reasons[name]}` : name}`);
  switch (plan.action) {
    case 'none':
      return '';
    case 'install':
      return [`Installing the Debian packages ${purpose} need, as root:`, ...list].join('\n');
    case 'ask':
      return [
        `${capitalized(purpose)} need Debian packages that are not installed:`,
        ...list,
        'Install them as root:',
        `  ${plan.command}`,
        '(Run as root, `npm test` and `npm run test:wordpress` install the packages they need themselves.)',
      ].join('\n');
    case 'unsupported':
      return [
        `${capitalized(purpose)} need these Debian packages (or your system's equivalents), and this is not Debian (no apt-get or dpkg-query):`,
        ...list,
      ].join('\n');
    default:
      throw new Error(`no such plan: ${plan.action}`);
  }
}

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whether a program is on PATH. */
export function onPath(program, path = process.env.PATH ?? '') {
  return path.split(delimiter).some((folder) => {
    try {
      accessSync(join(folder || '.', program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** This machine: Debian's package tools (apt), whether this process is root, whether sudo exists. */
export function thisMachine() {
  return { apt: onPath('apt-get') && onPath('dpkg-query'), root: process.getuid?.() === 0, sudo: onPath('sudo') };
}

/** The packages dpkg does not list as installed (all of them when there is no dpkg-query). */
export function missingPackages(packages) {
  checkNames(packages);
  if (!packages.length) return [];
  const { stdout } = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${db:Status-Status}\n', ...packages], {
    encoding: 'utf8',
  });
  const installed = new Set(
    (stdout ?? '')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name.replace(/:.*/, '')),
  );
  return packages.filter((name) => !installed.has(name));
}

/** policy-rc.d: Debian's maintainer scripts ask it whether to start a service; 101 says no. */
const policyFile = '/usr/sbin/policy-rc.d';

/**
 * Stops Debian from starting services while packages install, unless a policy is in
 * place already; returns whether it wrote one (so that only then is it removed).
 */
function keepServicesOff() {
  const policy =
    "#!/bin/sh\n# news-widgets scripts/debian-packages.js: no services start while the tests' packages install\nexit 101\n";
  try {
    writeFileSync(policyFile, policy, { flag: 'wx', mode: 0o755 });
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

/** Runs a command with this process's output, apt's frontend non-interactive; resolves to its exit code or signal. */
function run([program, ...args], children) {
  return new Promise((done) => {
    const child = spawn(program, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    children.add(child);
    child.on('error', (error) => done({ error }));
    child.on('close', (code, signal) => {
      children.delete(child);
      done({ code, signal });
    });
  });
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Runs an 'install' plan's steps, apt's output streaming, each step echoed first. With
 * keepServicesOff, Debian starts no service meanwhile (and the policy that says so is
 * removed afterwards, when this wrote it). An interrupt reaches apt and ends this process
 * (128 + the signal's number) once apt is done and the policy is removed. Resolves to
 * whether every step succeeded.
 */
export async function install(plan, { keepServicesOff: servicesOff = false, log = console.error } = {}) {
  const children = new Set();
  let received;
  const onSignal = (signal) => {
    received ??= signal;
    for (const child of children) child.kill(signal);
  };
  for (const signal of Object.keys(signalNumbers)) process.on(signal, onSignal);
  const wrotePolicy = servicesOff && keepServicesOff();
  let failed;
  try {
    if (wrotePolicy) log(`(${policyFile} keeps Debian from starting their services meanwhile)`);
    for (const step of plan.steps) {
      log(`+ ${step.join(' ')}`);
      const { error, code, signal } = await run(step, children);
      if (received) break;
      if (error || code !== 0) {
        failed = `${step.join(' ')} ${error ? `could not run: ${error.message}` : signal ? `ended by ${signal}` : `failed (exit status ${code})`}`;
        break;
      }
    }
  } finally {
    if (wrotePolicy) unlinkSync(policyFile);
    for (const signal of Object.keys(signalNumbers)) process.off(signal, onSignal);
  }
  if (received) {
    log(`Interrupted (${received}): the packages may be half installed; run ${plan.command} to finish.`);
    process.exit(128 + signalNumbers[received]);
  }
  if (failed) log(`${failed}: the packages are not installed.`);
  return !failed;
}

/**
 * Makes sure packages are installed: `packages` maps each name to why it is needed.
 * Installs the missing ones as root on Debian, saying so; otherwise prints what to do
 * (except on a system that is not Debian, left to the caller: its browsers may be found
 * elsewhere). Resolves to 'ready' (nothing missing, or all installed now), 'ask' (not
 * root: the command was printed), 'failed' (apt failed) or 'unsupported' (not Debian).
 */
export async function ensurePackages(
  packages,
  { purpose, keepServicesOff: servicesOff = false, machine = thisMachine(), log = console.error } = {},
) {
  const names = Object.keys(packages);
  const plan = installPlan(machine.apt ? missingPackages(names) : names, machine);
  if (plan.action === 'none') return 'ready';
  if (plan.action === 'unsupported') return 'unsupported';
  log(planMessage(plan, { purpose, reasons: packages }));
  if (plan.action === 'ask') return 'ask';
  if (!(await install(plan, { keepServicesOff: servicesOff, log }))) return 'failed';
  const still = missingPackages(names);
  if (still.length) {
    log(`apt-get finished, but dpkg still does not list ${still.join(', ')} as installed.`);
    return 'failed';
  }
  log(`Installed ${plan.packages.join(', ')}.`);
  return 'ready';
}

/** The command line: `node scripts/debian-packages.js [--for WHAT] [--keep-services-off] PACKAGE[=WHY]...`. */
async function main(args) {
  const packages = {};
  let purpose = 'the tests';
  let servicesOff = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--for') purpose = args[++i] ?? purpose;
    else if (args[i] === '--keep-services-off') servicesOff = true;
    else {
      const [name, ...why] = args[i].split('=');
      packages[name] = why.join('=');
    }
  }
  try {
    if (!Object.keys(packages).length) throw new Error('no packages named');
    checkNames(Object.keys(packages));
  } catch (error) {
    console.error(
      `${error.message}\nusage: node scripts/debian-packages.js [--for WHAT] [--keep-services-off] PACKAGE[=WHY]...`,
    );
    return 2;
  }
  const outcome = await ensurePackages(packages, { purpose, keepServicesOff: servicesOff });
  if (outcome === 'unsupported')
    console.error(planMessage(installPlan(Object.keys(packages), { apt: false }), { purpose, reasons: packages }));
  return outcome === 'ready' ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

/** Types of scripts/debian-packages.js for the TypeScript files that import it. */

export interface Machine {
  /** apt-get and dpkg-query are on PATH: a Debian system. */
  apt: boolean;
  root: boolean;
  /** sudo is on PATH. */
  sudo: boolean;
}

export type InstallPlan =
  | { action: 'none'; packages: string[] }
  | { action: 'unsupported'; packages: string[] }
  | { action: 'ask'; packages: string[]; command: string }
  | { action: 'install'; packages: string[]; command: string; steps: string[][] };

export function checkNames(packages: string[]): void;
export function installCommand(packages: string[], machine?: { root?: boolean; sudo?: boolean }): string;
export function installPlan(missing: string[], machine: Partial<Machine>): InstallPlan;
export function planMessage(
  plan: InstallPlan,
  options?: { purpose?: string; reasons?: Record<string, string> },
): string;
export function onPath(program: string, path?: string): boolean;
export function thisMachine(): Machine;
export function missingPackages(packages: string[]): string[];
export function install(
  plan: Extract<InstallPlan, { action: 'install' }>,
  options?: { keepServicesOff?: boolean; log?: (message: string) => void },
): Promise<boolean>;
export function ensurePackages(
  packages: Record<string, string>,
  options?: { purpose?: string; keepServicesOff?: boolean; machine?: Machine; log?: (message: string) => void },
): Promise<'ready' | 'ask' | 'failed' | 'unsupported'>;

/**
 * Makes sure a Chromium for the e2e tests exists before they start: finds one, or on a
 * Debian-like machine where we are root installs Debian's `chromium`, or says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium';

function tryFind(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

let found = tryFind();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!found && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("e2e: no Chromium found; installing Debian's chromium (apt-get install -y chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  found = tryFind();
}
if (!found) {
  try {
    findChromium();
  } catch (error) {
    console.error(`e2e: ${(error as Error).message}`);
  }
  process.exit(1);
}
console.log(`e2e: using Chromium at ${found}`);

// Starts a real `souhra serve` for the browser tests: the built binary, a free port, a fresh
// SQLite file in a temporary folder, and the demo sign-ins it prints on first start.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const demoPassword = 'prohlizec-test-2026';

function binary() {
  const candidates = [process.env.SOUHRA_BIN, join(repoRoot, 'build/release/app/souhra')].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`souhra binary not found (tried ${candidates.join(', ')}); build it with scripts/build.sh release souhra`);
  return found;
}

// Resolves with {url, logins: {role: login}, output, stop()} once the server prints its URL.
export async function startSouhra() {
  const dir = mkdtempSync(join(tmpdir(), 'souhra-browser-'));
  const args = ['serve', '--demo', '--port', '0', '--db', join(dir, 'souhra.db'), '--demo-password', demoPassword,
    '--static', join(repoRoot, 'web/static')];
  const child = spawn(binary(), args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`souhra serve printed no URL in 30 s:\n${output}\n${errors}`)), 30000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/https?:\/\/[\d.:a-z]+:\d+\//i);
      // The demo sign-ins follow the URL; the last role printed is admin.
      if (match && /^\s*admin:/m.test(output)) { clearTimeout(timer); resolveUrl(match[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`souhra serve exited (${code}):\n${output}\n${errors}`)); });
  });
  return {
    url,
    output: () => output,
    errors: () => errors,
    logins: demoLogins(output),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The demo sign-in per role, from the lines the server prints: "  case_manager: login (Name)".
function demoLogins(output) {
  const logins = {};
  for (const match of output.matchAll(/^\s*(social_worker|case_manager|coordinator|head|methodologist|admin):\s*([\w.@-]+)/gm)) {
    logins[match[1]] ??= match[2];
  }
  return logins;
}

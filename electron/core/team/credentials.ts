import fs from 'node:fs';
import path from 'node:path';

export interface GitCredentials { username: string; password: string }

/**
 * Where join keeps the credentials: the data folder only (never the content folder, which is the
 * git checkout and may be copied, zipped or pushed). The file is created with mode 0600 and
 * rewritten with it, so a wider umask never leaks it to other accounts on a shared PC.
 */
export const credentialsFile = (dataDir: string) => path.join(dataDir, 'team', 'credentials.json');

/**
 * A host may seal the file (the desktop app uses Electron `safeStorage`: the OS keychain, DPAPI or
 * the Secret Service); without one the JSON is stored as is, protected by the file mode. A sealed
 * file is `{ "sealed": "…" }`, so a process without the seal (the `handbook team` command) knows it
 * cannot read it and falls back to HANDBOOK_GIT_USERNAME / HANDBOOK_GIT_PASSWORD.
 */
export interface CredentialSeal { seal(plain: string): string; unseal(sealed: string): string }
let hostSeal: CredentialSeal | null = null;

/** The desktop host registers its seal once at start-up; every later save and load in this process uses it. */
export function useCredentialSeal(seal: CredentialSeal | null): void {
  hostSeal = seal;
}

export function saveCredentials(dataDir: string, creds: GitCredentials, seal: CredentialSeal | null = hostSeal): void {
  const file = credentialsFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = file + '.' + process.pid + '.tmp';
  const plain = JSON.stringify(creds);
  fs.writeFileSync(tmp, seal ? JSON.stringify({ sealed: seal.seal(plain) }) : plain, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

export function forgetCredentials(dataDir: string): void {
  fs.rmSync(credentialsFile(dataDir), { force: true });
}

/**
 * HANDBOOK_GIT_USERNAME / HANDBOOK_GIT_PASSWORD win over the stored ones (outside tools, CI);
 * otherwise what join stored; otherwise none (a public repository).
 */
export function loadCredentials(dataDir: string, env: NodeJS.ProcessEnv = process.env, seal: CredentialSeal | null = hostSeal): GitCredentials | null {
  if (env.HANDBOOK_GIT_USERNAME || env.HANDBOOK_GIT_PASSWORD) {
    return { username: env.HANDBOOK_GIT_USERNAME ?? '', password: env.HANDBOOK_GIT_PASSWORD ?? '' };
  }
  try {
    const stored = JSON.parse(fs.readFileSync(credentialsFile(dataDir), 'utf8')) as Partial<GitCredentials> & { sealed?: unknown };
    if (typeof stored.sealed === 'string' && !seal) return null;
    const parsed = (typeof stored.sealed === 'string' && seal ? JSON.parse(seal.unseal(stored.sealed)) : stored) as Partial<GitCredentials>;
    if (typeof parsed.username === 'string' && typeof parsed.password === 'string') return { username: parsed.username, password: parsed.password };
  } catch { /* no file or unreadable: no stored credentials */ }
  return null;
}

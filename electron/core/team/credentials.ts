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
 * A host may seal the file (the desktop app uses Electron `safeStorage`); the default stores the
 * JSON as is, protected by the file mode.
 */
export interface CredentialSeal { seal(plain: string): string; unseal(sealed: string): string }
const plainSeal: CredentialSeal = { seal: (s) => s, unseal: (s) => s };

export function saveCredentials(dataDir: string, creds: GitCredentials, seal: CredentialSeal = plainSeal): void {
  const file = credentialsFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = file + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, seal.seal(JSON.stringify(creds)), { mode: 0o600 });
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
export function loadCredentials(dataDir: string, env: NodeJS.ProcessEnv = process.env, seal: CredentialSeal = plainSeal): GitCredentials | null {
  if (env.HANDBOOK_GIT_USERNAME || env.HANDBOOK_GIT_PASSWORD) {
    return { username: env.HANDBOOK_GIT_USERNAME ?? '', password: env.HANDBOOK_GIT_PASSWORD ?? '' };
  }
  try {
    const parsed = JSON.parse(seal.unseal(fs.readFileSync(credentialsFile(dataDir), 'utf8'))) as Partial<GitCredentials>;
    if (typeof parsed.username === 'string' && typeof parsed.password === 'string') return { username: parsed.username, password: parsed.password };
  } catch { /* no file or unreadable: no stored credentials */ }
  return null;
}

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real git server for tests: Debian's `git http-backend` (smart HTTP) behind a small Node HTTP
 * wrapper that asks for Basic auth, on 127.0.0.1. No git is mocked: the app's isomorphic-git talks
 * to the same CGI a Gitea/GitLab front end ends up running.
 *
 * Branch protection (content writable by trainers only, records by everyone) is enforced the way
 * a server does it: a server-side pre-receive hook refusing pushes by learners to anything but the
 * records branch.
 */
export interface GitUser { password: string; role: 'trainer' | 'learner' }

export interface TestGitServer {
  url(repo: string): string;
  root: string;
  port: number;
  /** Stops answering: new connections are refused (server unreachable). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
  /** Bare repository on disk (for assertions like `git fsck`). */
  repoDir(repo: string): string;
  /** Number of requests served, by user (lets a test see that credentials were used). */
  requests: { user: string | null; path: string; status: number }[];
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Server Seed', GIT_AUTHOR_EMAIL: 'seed@example.test',
  GIT_COMMITTER_NAME: 'Server Seed', GIT_COMMITTER_EMAIL: 'seed@example.test',
  GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir(),
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startGitServer(users: Record<string, GitUser>, opts: { recordsBranch?: string } = {}): Promise<TestGitServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-gitsrv-'));
  const requests: TestGitServer['requests'] = [];
  const sockets = new Set<Socket>();
  const recordsBranch = opts.recordsBranch ?? 'handbook-records';

  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const user = basicUser(req.headers.authorization, users);
    const log = (status: number) => requests.push({ user, path: url.pathname, status });
    if (!user) {
      log(401);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="handbook-test"', 'Content-Type': 'text/plain' });
      return res.end('Authentication required');
    }
    const repoName = url.pathname.split('/')[1] ?? '';
    if (!fs.existsSync(path.join(root, repoName, 'HEAD'))) {
      log(404);
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Repository not found');
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env, ...GIT_ENV,
        GIT_PROJECT_ROOT: root, GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname, QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET', CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '', HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: user, REMOTE_ADDR: '127.0.0.1',
        HB_PUSHER_ROLE: users[user].role, HB_RECORDS_BRANCH: recordsBranch,
      },
    });
    req.pipe(cgi.stdin);
    cgi.stdin.on('error', () => {});
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = parseInt(v, 10);
        else headers[k] = v;
      }
      log(status);
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.stderr.on('data', () => {});
    cgi.on('close', () => {
      if (!headersDone) { log(500); res.writeHead(500); }
      res.end();
    });
  };

  let server = http.createServer(handler);
  const track = (s: http.Server) => s.on('connection', (sock) => { sockets.add(sock); sock.on('close', () => sockets.delete(sock)); });
  track(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); });

  return {
    root, port, requests,
    url: (repo) => `http://127.0.0.1:${port}/${repo}`,
    repoDir: (repo) => path.join(root, repo),
    down: stop,
    up: async () => {
      server = http.createServer(handler);
      track(server);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    close: async () => { await stop(); fs.rmSync(root, { recursive: true, force: true }); },
  };
}

function basicUser(header: string | undefined, users: Record<string, GitUser>): string | null {
  const m = /^Basic (.+)$/.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  const name = decoded.slice(0, i);
  return users[name] && users[name].password === decoded.slice(i + 1) ? name : null;
}

/** Protected branches, as a server enforces them: learners may push only the records branch. */
const PRE_RECEIVE = `#!/bin/sh
while read old new ref; do
  if [ -n "$HB_PUSHER_ROLE" ] && [ "$HB_PUSHER_ROLE" != "trainer" ] && [ "$ref" != "refs/heads/$HB_RECORDS_BRANCH" ]; then
    echo "protected branch: $ref is writable by trainers only" >&2
    exit 1
  fi
done
exit 0
`;

/**
 * Makes a bare repository `name` on the server holding `files` in one commit on `main`. Returns a
 * working clone (plain git, straight on disk) that tests use as "another person" pushing changes.
 */
export function seedRepo(server: TestGitServer, name: string, files: Record<string, string | Buffer>): SeedClone {
  const bare = server.repoDir(name);
  git(server.root, 'init', '-q', '--bare', '-b', 'main', bare);
  git(bare, 'config', 'http.receivepack', 'true');
  fs.writeFileSync(path.join(bare, 'hooks', 'pre-receive'), PRE_RECEIVE, { mode: 0o755 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-seed-'));
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  const clone = new SeedClone(work);
  if (Object.keys(files).length) clone.commit(files, 'Seed');
  return clone;
}

/** "Another PC" with real git, writing straight into the bare repository (no HTTP, no hooks on the client). */
export class SeedClone {
  constructor(readonly dir: string) {}
  write(files: Record<string, string | Buffer | null>): void {
    for (const [rel, body] of Object.entries(files)) {
      const abs = path.join(this.dir, rel);
      if (body === null) { fs.rmSync(abs, { force: true }); continue; }
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, body);
    }
  }
  commit(files: Record<string, string | Buffer | null>, message: string, branch = 'main'): string {
    this.write(files);
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    git(this.dir, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
    return git(this.dir, 'rev-parse', 'HEAD').trim();
  }
  /** Pulls what others pushed (plain git), so this clone's next commit builds on it. */
  pull(): void {
    git(this.dir, 'fetch', '-q', 'origin');
    git(this.dir, 'reset', '-q', '--hard', 'origin/main');
  }
  dispose(): void { fs.rmSync(this.dir, { recursive: true, force: true }); }
}

/** A small but real Handbook pack: handbook.yaml plus articles. */
export function samplePack(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'handbook.yaml': 'id: team-test\nname: Team test pack\nversion: 1.0.0\n',
    'articles/refunds.md': '---\nid: refunds\ntitle: 退款与退货处理 SOP\n---\n\n# 退款与退货处理 SOP\n\n七天无理由退货。\n',
    'articles/shipping.md': '---\nid: shipping\ntitle: Shipping\n---\n\n# Shipping\n\nShip within 48 hours.\n',
    ...extra,
  };
}

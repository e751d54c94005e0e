import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * One PC's network cable to the git server: a plain TCP relay on 127.0.0.1 that can be unplugged
 * (this PC offline while the server and everyone else stay up) and that lets a test watch the
 * bytes a client sends, to act at an exact moment (e.g. kill a process mid-push). Nothing of git
 * or HTTP is imitated: bytes pass unchanged to the real server.
 */
export interface NetLink {
  port: number;
  url(repo: string): string;
  /** New connections are refused and open ones cut, like a cable pulled out. */
  unplug(): Promise<void>;
  plug(): Promise<void>;
  readonly plugged: boolean;
  /**
   * Calls `act` once, when a client starts a push (`POST …/git-receive-pack`): `before` means the
   * request is held back and never reaches the server; `after` waits until the server's answer
   * starts to come back (the push landed) and holds that answer back. Returns a cancel function.
   */
  onPush(when: 'before' | 'after', act: () => void): () => void;
  close(): Promise<void>;
}

export async function startNetLink(targetPort: number): Promise<NetLink> {
  const sockets = new Set<net.Socket>();
  let plugged = true;
  let trap: { when: 'before' | 'after'; act: () => void } | null = null;

  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let pushSeen = false;
    let frozen = false;
    const cut = () => { client.destroy(); upstream.destroy(); };
    client.on('close', () => { sockets.delete(client); upstream.destroy(); });
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
    client.on('error', cut);
    upstream.on('error', cut);
    client.on('data', (chunk: Buffer) => {
      if (frozen) return;
      if (trap && /^POST [^ ]*git-receive-pack/.test(chunk.toString('latin1', 0, 200))) {
        pushSeen = true;
        if (trap.when === 'before') {
          const { act } = trap;
          trap = null;
          frozen = true;
          return act();
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (frozen) return;
      if (pushSeen && trap?.when === 'after') {
        const { act } = trap;
        trap = null;
        frozen = true;
        return act();
      }
      client.write(chunk);
    });
  };

  let server = net.createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  });

  return {
    port,
    url: (repo) => `http://127.0.0.1:${port}/${repo}`,
    get plugged() { return plugged; },
    async unplug() {
      if (!plugged) return;
      plugged = false;
      await stop();
    },
    async plug() {
      if (plugged) return;
      server = net.createServer(onConnection);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
      plugged = true;
    },
    onPush(when, act) {
      const mine = { when, act };
      trap = mine;
      return () => { if (trap === mine) trap = null; };
    },
    async close() {
      if (plugged) await stop();
      plugged = false;
    },
  };
}

// Local stand-in for x.com and www.facebook.com: the browser is pointed here with
// --host-resolver-rules, so the content script sees the real host names and match patterns.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');

/** The demo pages, under the paths a moderator would see them on. */
export const DEMO_ROUTES = {
  x: { host: 'x.com', path: '/LeicsPolice/status/1861000000000000001', file: 'x-thread.html' },
  xHostileCss: {
    host: 'x.com',
    path: '/LeicsPolice/status/1861000000000000002',
    file: 'x-thread-hostile-css.html',
  },
  facebook: {
    host: 'www.facebook.com',
    path: '/leicspolice/posts/pfbid0LeicsDemo1',
    file: 'facebook-post.html',
  },
};

/** The URL a browser launched by `launchWithExtension` uses to reach a route. */
export function demoUrl(route) {
  const scheme = route.host.endsWith('facebook.com') ? 'https' : 'http';
  return `${scheme}://${route.host}${route.path}`;
}

const HOSTS = ['x.com', 'twitter.com', 'www.facebook.com', 'facebook.com'];

/**
 * A throwaway certificate for the mapped hosts. Chromium is started with
 * --ignore-certificate-errors, so it does not need to be trusted, only well formed.
 */
function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'ma-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=moderator-assist-demo',
        '-addext',
        `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
    };
  } catch (err) {
    throw new Error(
      `Could not make a self-signed certificate with openssl (${err.message}). ` +
        'Install it with: apt-get install -y openssl',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Start one port that speaks both HTTP and HTTPS (sniffing the first byte of each connection),
 * so it does not matter whether Chromium upgrades a host to https because of HSTS preload.
 *
 * @param {{ pages?: Record<string, string | (() => string)> }} [options]
 *   extra pages keyed by "host/path" (e.g. "x.com/bench/status/1"): HTML text or a function
 *   returning it. The demo routes are always served.
 * @returns {Promise<{ port: number, httpPort: number, httpsPort: number, close: () => Promise<void> }>}
 */
export async function startServer({ pages = {} } = {}) {
  const table = new Map();
  for (const route of Object.values(DEMO_ROUTES)) {
    table.set(`${route.host}${route.path}`, () => readFileSync(join(DEMO_DIR, route.file), 'utf8'));
  }
  for (const [key, page] of Object.entries(pages)) {
    table.set(key, typeof page === 'function' ? page : () => page);
  }

  const handler = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'http://local').pathname.replace(/\/$/, '');
    const page =
      table.get(`${host}${path}`) ??
      (host === 'facebook.com' ? table.get(`www.facebook.com${path}`) : undefined) ??
      (host === 'twitter.com' ? table.get(`x.com${path}`) : undefined);
    if (!page) {
      // Sites request favicons and the like; answer quickly so nothing waits on a timeout.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`No demo page at ${host}${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page());
  };

  const plain = http.createServer(handler);
  // TLS is handed to an internal HTTPS server over a loopback pipe: a TLS socket reads from the
  // raw handle, so bytes already read while sniffing could not be given back to it in-process.
  const secure = https.createServer(makeCertificate(), handler);
  await new Promise((resolve) => secure.listen(0, '127.0.0.1', resolve));
  const securePort = /** @type {import('node:net').AddressInfo} */ (secure.address()).port;
  const sockets = new Set();
  const track = (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const mux = net.createServer((socket) => {
    track(socket);
    socket.once('data', (first) => {
      // 0x16 is a TLS handshake record; anything else is plain HTTP.
      if (first[0] === 0x16) {
        const upstream = net.connect(securePort, '127.0.0.1');
        track(upstream);
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
        return;
      }
      socket.pause();
      socket.unshift(first);
      plain.emit('connection', socket);
      socket.resume();
    });
  });
  await new Promise((resolve, reject) => {
    mux.once('error', reject);
    mux.listen(0, '127.0.0.1', resolve);
  });
  const address = mux.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    httpPort: port,
    httpsPort: port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        secure.close();
        mux.close(() => resolve());
      }),
  };
}

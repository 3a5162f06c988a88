import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the address is read from: node:http's request over HTTP, what src/graphql-ws-socket.ts
 * keeps of the upgrade request over WebSocket.
 */
export interface RequestOrigin {
  socket?: { remoteAddress?: string };
  headers: IncomingHttpHeaders;
}

/**
 * The client's address, as rate and connection limits count it.
 *
 * By default the socket's own address: `X-Forwarded-For` is written by the client and proves
 * nothing. Behind `trustProxy` proxies (e.g. 1 for one load balancer) each appended the address it
 * received from, so the client is the entry that many from the right; anything further left could
 * be forged. IPv6 clients count per /64, the block one subscriber usually gets, so that rotating
 * addresses within it does not multiply their budget.
 */
export function clientAddress(req: RequestOrigin | undefined, trustProxy: number): string {
  const socketAddress = req?.socket?.remoteAddress ?? 'unknown';
  let address = socketAddress;
  if (trustProxy > 0 && req) {
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    // Fewer entries than proxies: every one was written by a trusted proxy, the first is the client.
    address = hops[hops.length - trustProxy] ?? hops[0] ?? socketAddress;
  }
  return normalizeAddress(address);
}

function normalizeAddress(address: string): string {
  const plain = address.replace(/%.*$/, ''); // IPv6 zone, e.g. fe80::1%eth0
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (!plain.includes(':')) return plain;
  return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded, leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((group) => (Number.parseInt(group, 16) || 0).toString(16));
}

/**
 * What each client address holds open on this instance (WebSockets, SSE streams), for the caps
 * per address: `enter` counts one more unless that would pass `max`; `leave` when it closes. An
 * address holding nothing has no entry, so the map stays as small as the open connections.
 */
export function openPerAddress(max: number) {
  const open = new Map<string, number>();
  return {
    enter(address: string): boolean {
      const count = (open.get(address) ?? 0) + 1;
      if (count > max) return false;
      open.set(address, count);
      return true;
    },
    leave(address: string): void {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    },
  };
}

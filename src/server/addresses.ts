// The addresses at which students' devices reach this server: the school network's first, loopback last (a phone
// cannot open `localhost`). `npm run serve` prints them, and /api/address gives them to the console and the
// projector, which build the join link and the QR code from the first.
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/** One interface's address, as `os.networkInterfaces()` lists it (an injectable list, for tests). */
export type NetAddress = Pick<NetworkInterfaceInfo, 'address' | 'family' | 'internal'>;
export type Interfaces = Record<string, NetAddress[] | undefined>;

const ANY = new Set(['0.0.0.0', '::', '']);

/** 127.0.0.0/8, ::1, `localhost`: this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127\./.test(h);
}

/** Interfaces of containers and virtual machines on this computer (Docker, libvirt, VirtualBox, VMware, WSL). */
const VIRTUAL = /^(docker|br-|veth|virbr|vboxnet|vmnet|vEthernet|cni|flannel|podman)/i;

/** Private ranges first (where a classroom is), then other addresses, link-local (169.254: no DHCP) last. */
function rank(address: string): number {
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address)) return 0;
  if (address.startsWith('169.254.')) return 2;
  return 1;
}

/**
 * The server's base URLs (no trailing slash), the one students should use first: the addresses given (JOIN_ADDRESS,
 * the one address in front of every process, then PUBLIC_ADDRESS, this process's own), then the listening host,
 * or, listening on every interface, each IPv4 network address (private ranges first), and `localhost` last.
 */
export function serverUrls(
  port: number,
  host: string,
  given: string | readonly (string | null | undefined)[] | null = null,
  interfaces: Interfaces = networkInterfaces(),
): string[] {
  const out: string[] = [];
  for (const address of typeof given === 'string' ? [given] : (given ?? [])) {
    if (address) out.push(/^https?:\/\//.test(address) ? address.replace(/\/+$/, '') : `http://${address}`);
  }
  if (!ANY.has(host)) {
    out.push(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  } else {
    const lan: { address: string; order: number }[] = [];
    for (const [name, list] of Object.entries(interfaces)) {
      for (const a of list ?? []) {
        const v4 = a.family === 'IPv4' || (a.family as unknown) === 4;
        // A virtual machine's or container's bridge is this computer's own network, which no phone reaches.
        const order = rank(a.address) + (VIRTUAL.test(name) ? 10 : 0);
        if (v4 && !a.internal && !isLoopbackHost(a.address)) lan.push({ address: a.address, order });
      }
    }
    lan.sort((a, b) => a.order - b.order);
    for (const a of lan) out.push(`http://${a.address}:${port}`);
    out.push(`http://localhost:${port}`);
  }
  const unique = [...new Set(out)];
  return [
    ...unique.filter((u) => !isLoopbackHost(new URL(u).hostname)),
    ...unique.filter((u) => isLoopbackHost(new URL(u).hostname)),
  ];
}

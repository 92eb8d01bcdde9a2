import { isIP } from 'node:net';

// The address a request came from, as recorded in the audit trail and counted by the sign-in rate
// limit. Behind `trustedProxies` reverse proxies, each proxy appends the address it saw to
// X-Forwarded-For, so the client's own address is the entry the outermost trusted proxy added:
// the `trustedProxies`-th from the right. Everything left of it was written by the client and may
// be anything. Only a valid IP address is ever returned: otherwise the connection's own address.

/** Where nothing better is known (a request made in process, with no socket): never a header's text. */
export const UNKNOWN_ADDRESS = '0.0.0.0';

export function clientAddress({ forwardedFor, socketAddress, trustedProxies }: {
  forwardedFor: string | undefined; socketAddress: string | undefined; trustedProxies: number;
}): string {
  const socket = normalise(socketAddress) ?? UNKNOWN_ADDRESS;
  if (trustedProxies <= 0 || !forwardedFor) return socket;
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter(Boolean);
  if (!hops.length) return socket;
  // Fewer entries than proxies: every entry came from a trusted proxy, the left-most is the client.
  const candidate = hops[Math.max(0, hops.length - trustedProxies)];
  return normalise(candidate) ?? socket;
}

/** A valid IP address (IPv4-mapped IPv6 written as IPv4), or undefined. */
function normalise(address: string | undefined): string | undefined {
  if (!address || address.length > 45) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const plain = mapped ? mapped[1] : address;
  return isIP(plain) ? plain.toLowerCase() : undefined;
}

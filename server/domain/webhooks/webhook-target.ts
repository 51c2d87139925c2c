import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadUserInputError } from '../../errors.js';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name to every address it has, as the operating system would (`/etc/hosts`, then
 * DNS). Injectable so tests can stand in for DNS (e.g. a name that answers public, then private).
 * Rejects when the name does not resolve.
 */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** What the target checks need besides the URL. */
export interface WebhookTargetDeps {
  /** @default {@link resolveHostWithSystem} */
  resolveHost?: ResolveHost;
}

/** The system resolver: `dns.lookup` with every address, in the order the resolver gave them. */
export const resolveHostWithSystem: ResolveHost = async (hostname) => {
  const addresses: LookupAddress[] = await dnsLookup(hostname, { all: true, verbatim: true });
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/**
 * Cloud metadata services, named on their own although their ranges (IPv4 link-local, IPv6 unique
 * local) are refused anyway: a later change to the range rules must not let them through.
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

/** The IPv6 global unicast block 2000::/3: every public IPv6 address is in it (RFC 4291 §2.4). */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** The NAT64 well-known prefix (RFC 6052): the IPv4 address is its last 32 bits. */
const NAT64_WELL_KNOWN_V6 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/** Why an address is not public: its ipaddr.js range name (e.g. `loopback`, `private`), or `metadata`. */
export type ForbiddenReason = string;

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes as [number, number, number, number]);
}

/**
 * Null when `address` (an IPv4 or IPv6 literal, without brackets) is a public unicast address a
 * webhook may be sent to; otherwise the reason it is not. Public means: IPv4 in ipaddr.js's
 * `unicast` range (not loopback, private, link-local, CGNAT, unspecified, broadcast, multicast or
 * reserved/documentation); IPv6 in 2000::/3 and `unicast`; an IPv6 address that embeds an IPv4
 * one (IPv4-mapped ::ffff:0:0/96, SIIT ::ffff:0:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo
 * 2001::/32) is public only when every IPv4 address it embeds is. Anything unparsable is refused.
 */
export function forbiddenAddressReason(address: string): ForbiddenReason | null {
  // net.isIP first: ipaddr.js also accepts shorthand such as `127.1`, which a socket would not take as given.
  if (isIP(address.split('%')[0]!) === 0 || !ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  const normalized = parsed.toString();
  if (METADATA_ADDRESSES.has(normalized)) return 'metadata';
  if (parsed.kind() === 'ipv4') {
    const range = (parsed as ipaddr.IPv4).range();
    return range === 'unicast' ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const bytes = v6.toByteArray();
  const embedded = (...ipv4s: ipaddr.IPv4[]): ForbiddenReason | null => {
    for (const ipv4 of ipv4s) {
      const reason = forbiddenAddressReason(ipv4.toString());
      if (reason !== null) return `${range}(${reason})`;
    }
    return null;
  };
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return embedded(v4FromBytes(bytes.slice(12, 16)));
    case 'rfc6052':
      // Only the well-known prefix 64:ff9b::/96 puts the IPv4 address in the last 32 bits; the
      // local-use 64:ff9b:1::/48 is a site's own translator: refused.
      return v6.match(NAT64_WELL_KNOWN_V6) ? embedded(v4FromBytes(bytes.slice(12, 16))) : range;
    case '6to4':
      return embedded(v4FromBytes(bytes.slice(2, 6)));
    case 'teredo':
      // Teredo embeds the server's IPv4 address in bits 32–63 and the client's, inverted, in the last 32.
      return embedded(v4FromBytes(bytes.slice(4, 8)), v4FromBytes(bytes.slice(12, 16).map((byte) => byte ^ 0xff)));
    case 'unicast':
      return v6.match(GLOBAL_UNICAST_V6) ? null : 'notGlobalUnicast';
    default:
      return range;
  }
}

/** A URL's host as an address literal (IPv6 without brackets), or null when it is a name. */
export function addressLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/** What checking a webhook target came to. */
export type WebhookTargetCheck =
  | { ok: true; addresses: ResolvedAddress[] }
  | { ok: false; failure: 'DNS_FAILURE' }
  | { ok: false; failure: 'FORBIDDEN_TARGET'; address: string; reason: ForbiddenReason };

/**
 * Resolves `url`'s host (after WHATWG parsing, which has already turned `127.1`, `0x7f000001`,
 * `2130706433` and `017700000001` into 127.0.0.1) and checks every address it has: one address
 * that is not public refuses the whole name, so a resolver cannot slip one in among public ones.
 * An address literal is checked as it is, with no lookup. A trailing dot (`localhost.`) is the
 * same name and is looked up without it. With `allowPrivate`, nothing is refused but the name is
 * still resolved (the sender connects to what was resolved here either way).
 */
export async function checkWebhookTarget(
  url: URL,
  options: { allowPrivate: boolean; resolveHost?: ResolveHost | undefined },
): Promise<WebhookTargetCheck> {
  const literal = addressLiteralOf(url.hostname);
  let addresses: ResolvedAddress[];
  if (literal !== null) {
    addresses = [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }];
  } else {
    const name = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
    try {
      addresses = await (options.resolveHost ?? resolveHostWithSystem)(name);
    } catch {
      return { ok: false, failure: 'DNS_FAILURE' };
    }
    if (addresses.length === 0) return { ok: false, failure: 'DNS_FAILURE' };
  }
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason !== null) return { ok: false, failure: 'FORBIDDEN_TARGET', address, reason };
    }
  }
  return { ok: true, addresses };
}

/**
 * Refuses a webhook URL (already validated by `validateWebhookUrl`) whose host does not resolve or
 * resolves to any non-public address, unless `allowPrivate`. With `allowPrivate` nothing is looked
 * up here: every attempt resolves the host anyway. The message names no address: the caller learns
 * that the target is refused, not what an internal name resolves to.
 * @throws BadUserInputError (`url`)
 */
export async function assertWebhookTargetAllowed(
  url: string,
  options: { allowPrivate: boolean; resolveHost?: ResolveHost | undefined },
): Promise<void> {
  if (options.allowPrivate) return;
  const check = await checkWebhookTarget(new URL(url), options);
  if (check.ok) return;
  if (check.failure === 'DNS_FAILURE') throw new BadUserInputError('url', 'url’s host does not resolve to any address');
  throw new BadUserInputError(
    'url',
    'url must reach the public internet: its host is, or resolves to, a loopback, private, link-local or other non-public address',
  );
}

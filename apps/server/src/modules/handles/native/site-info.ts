import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { encodeValue, type WireValue } from './codec.js';
import { OUR_MAJOR, OUR_MINOR, SITE } from './protocol.js';
import { WireWriter } from './wire.js';

/** The `desc` attribute of this node's site. */
export const HANDLE_SITE_DESCRIPTION = 'Suilian 穗联 industrial identifier node, Guangzhou';

/** Where other Handle nodes reach this one, from configuration (HANDLE_SITE_*). */
export interface SiteSettings {
  /** IPv4 or IPv6 address advertised in the server record. */
  address: string;
  /** Port of the UDP and TCP interfaces. */
  port: number;
  /** Port of an HTTP interface, when a Handle-over-HTTP gateway fronts this node; omitted when unset. */
  httpPort?: number | undefined;
  /** The site's `desc` attribute. */
  description: string;
}

/** The 16-octet address field: IPv6 as is, IPv4 as an IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
export function addressOctets(address: string): Buffer {
  const out = Buffer.alloc(16);
  if (isIPv4(address)) {
    out[10] = 0xff;
    out[11] = 0xff;
    address.split('.').forEach((part, i) => {
      out[12 + i] = Number(part);
    });
    return out;
  }
  if (!isIPv6(address)) throw new Error(`not an IP address: ${address}`);
  // Expand "::" and an embedded IPv4 tail into eight 16-bit groups.
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  groups.forEach((g, i) => {
    out.writeUInt16BE(Number.parseInt(g, 16), i * 2);
  });
  return out;
}

/**
 * The site information record (RFC 3652 §3.2.2 layout): format version, protocol version, serial,
 * primary mask, hash option, empty hash filter, attributes, one server with its address, an empty
 * public key (this node signs nothing) and its query interfaces (UDP, TCP, HTTP when set).
 */
export function encodeSiteInfo(site: SiteSettings, serial: number): Buffer {
  const interfaces: Array<[number, number]> = [
    [SITE.PROTOCOL_UDP, site.port],
    [SITE.PROTOCOL_TCP, site.port],
  ];
  if (site.httpPort) interfaces.push([SITE.PROTOCOL_HTTP, site.httpPort]);
  const w = new WireWriter()
    .u16(SITE.FORMAT_VERSION)
    .u8(OUR_MAJOR)
    .u8(OUR_MINOR)
    .u16(serial)
    .u8(SITE.PRIMARY)
    .u8(SITE.HASH_BY_ALL)
    .bytes(Buffer.alloc(0))
    .u32(1)
    .utf8('desc')
    .utf8(site.description)
    .u32(1)
    .u32(1)
    .raw(addressOctets(site.address))
    .bytes(Buffer.alloc(0))
    .u32(interfaces.length);
  for (const [protocol, port] of interfaces) w.u8(SITE.SERVICE_QUERY).u8(protocol).u32(port);
  return w.toBuffer();
}

/** A serial that changes whenever the advertised site changes (clients compare it to spot stale site information). */
export function siteSerial(site: SiteSettings): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([site.address, site.port, site.httpPort ?? 0, site.description]))
    .digest();
  return (digest.readUInt16BE(0) % 0xfffe) + 1;
}

/** The site as built once at start: its serial, the HS_SITE record and that record as an encoded value (index 1). */
export function buildSite(site: SiteSettings, since: Date) {
  const serial = siteSerial(site);
  const record = encodeSiteInfo(site, serial);
  const value: WireValue = {
    index: 1,
    type: 'HS_SITE',
    data: record,
    ttl: 86400,
    timestamp: Math.floor(since.getTime() / 1000),
    permissions: '1110',
  };
  return { serial, record, value, encodedValue: encodeValue(value) };
}

export type Site = ReturnType<typeof buildSite>;

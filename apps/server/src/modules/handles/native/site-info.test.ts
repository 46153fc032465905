import { describe, expect, it } from 'vitest';
import { addressOctets, siteSerial } from './site-info.js';

const hex = (b: Buffer) => b.toString('hex');

describe('HS_SITE addresses (#13 item 2)', () => {
  it('writes IPv4 as IPv4-mapped IPv6 and IPv6 in full, 16 octets each', () => {
    expect(hex(addressOctets('192.0.2.10'))).toBe('00000000000000000000ffffc000020a');
    expect(hex(addressOctets('2001:db8::5'))).toBe('20010db8000000000000000000000005');
    expect(hex(addressOctets('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(addressOctets('fe80::1:2'))).toBe('fe800000000000000000000000010002');
    expect(hex(addressOctets('::ffff:10.0.0.1'))).toBe('00000000000000000000ffff0a000001');
    expect(() => addressOctets('handle.example.cn')).toThrow(/not an IP address/);
  });

  it('derives a serial from what is advertised: it changes with the address or a port, never 0', () => {
    const site = { address: '192.0.2.10', port: 2641, description: 'x' };
    const serial = siteSerial(site);
    expect(serial).toBeGreaterThan(0);
    expect(serial).toBeLessThanOrEqual(0xffff);
    expect(siteSerial({ ...site })).toBe(serial);
    expect(siteSerial({ ...site, port: 2642 })).not.toBe(serial);
    expect(siteSerial({ ...site, address: '192.0.2.11' })).not.toBe(serial);
  });
});

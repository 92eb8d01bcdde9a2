import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address';

const socketAddress = '10.0.0.5'; // the proxy next to the server

describe('the client address', () => {
  it('is the connection address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ forwardedFor: '198.51.100.7', socketAddress, trustedProxies: 0 })).toBe(socketAddress);
  });

  it('is the entry the trusted proxy added, not the left-most one the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress({ forwardedFor: '1.2.3.4, 203.0.113.9', socketAddress, trustedProxies: 1 })).toBe('203.0.113.9');
    expect(clientAddress({ forwardedFor: '1.2.3.4, 203.0.113.9, 10.0.0.4', socketAddress, trustedProxies: 2 })).toBe('203.0.113.9');
    expect(clientAddress({ forwardedFor: '203.0.113.9', socketAddress, trustedProxies: 1 })).toBe('203.0.113.9');
  });

  it('is the left-most entry when there are fewer entries than trusted proxies', () => {
    expect(clientAddress({ forwardedFor: '203.0.113.9', socketAddress, trustedProxies: 3 })).toBe('203.0.113.9');
  });

  it('is always a valid IP address: junk falls back to the connection address', () => {
    for (const junk of ['unknown', "'; drop table users; --", '1.2.3.4:8080', '999.1.1.1', 'x'.repeat(5000), ' , ,', '<script>', '1.2.3.4 5.6.7.8']) {
      expect(clientAddress({ forwardedFor: junk, socketAddress, trustedProxies: 1 }), junk).toBe(socketAddress);
    }
    expect(clientAddress({ forwardedFor: 'junk', socketAddress: undefined, trustedProxies: 1 })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ forwardedFor: undefined, socketAddress: 'not an address', trustedProxies: 0 })).toBe(UNKNOWN_ADDRESS);
  });

  it('accepts IPv6, and writes IPv4-mapped IPv6 as IPv4', () => {
    expect(clientAddress({ forwardedFor: '2001:DB8::1', socketAddress, trustedProxies: 1 })).toBe('2001:db8::1');
    expect(clientAddress({ forwardedFor: undefined, socketAddress: '::ffff:192.0.2.1', trustedProxies: 0 })).toBe('192.0.2.1');
  });
});

import { describe, expect, it } from 'vitest';
import { currentNavItem } from './PrimaryNav';

describe('the current navigation item', () => {
  const items = [{ href: '/', text: 'Home' }, { href: '/estate', text: 'Cameras' }, { href: '/estate/checks', text: 'Daily checks' }, { href: '/evidence', text: 'Evidence' }];
  it('is the one item whose path is longest among those leading to the page', () => {
    expect(currentNavItem(items, '/estate/checks')).toBe('/estate/checks');
    expect(currentNavItem(items, '/estate/checks/faults')).toBe('/estate/checks');
    expect(currentNavItem(items, '/estate/cameras/abc')).toBe('/estate');
    expect(currentNavItem(items, '/')).toBe('/');
    expect(currentNavItem(items, '/estates')).toBeUndefined();
    expect(currentNavItem(items, '/account')).toBeUndefined();
  });
});

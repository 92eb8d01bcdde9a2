import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { check } from './forms';

describe('check', () => {
  it('says to choose an option, never naming the codes, when none of a set was chosen', () => {
    const r = check(z.object({ served: z.enum(['affixed', 'handed', 'drive_away']), street: z.string().min(1, 'Enter the street') }), { street: '' });
    expect(r).toEqual({ ok: false, errors: { served: 'Choose one of the options', street: 'Enter the street' } });
  });

  it('reports a point’s latitude or longitude on the point', () => {
    const r = check(z.object({ point: z.object({ lat: z.number().max(90, 'Enter a latitude') }) }), { point: { lat: 91 } });
    expect(r).toEqual({ ok: false, errors: { point: 'Enter a latitude' } });
  });
});

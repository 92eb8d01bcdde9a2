import { describe, expect, it } from 'vitest';
import { WitnessStatementBody } from '../../../../domain/evidence/statement';
import { fixtureExhibit, PRODUCER } from './package.fixtures';
import { draftWitnessStatement } from './statement.models';

const exhibits = [
  fixtureExhibit({ reference: 'AB/3', master: Buffer.from('master three'), copy: Buffer.from('copy three') }),
  fixtureExhibit({ reference: 'AB/4', master: Buffer.from('master four'), copy: Buffer.from('copy four'), masterName: 'cam12.264' }),
];

describe('the draft witness statement', () => {
  const body = draftWitnessStatement({ producer: PRODUCER, exhibits });
  const text = body.narrative.join('\n');

  it('names every exhibit and every hash, and lists them as exhibits referred to', () => {
    for (const ex of exhibits) {
      expect(text).toContain(`exhibit ${ex.reference}`);
      for (const h of [...ex.masters.map((m) => m.sha256), ...ex.derivatives.map((d) => d.sha256)]) expect(text).toContain(h);
    }
    expect(body.exhibits.map((e) => e.reference)).toEqual(['AB/3', 'AB/4']);
    expect(body.exhibits[1].sha256s).toEqual([exhibits[1].masters[0].sha256, exhibits[1].derivatives[0].sha256]);
  });

  it('says what the producer did and when, in the first person and UK time', () => {
    expect(text).toContain('I am employed by Northtown Borough Council as a CCTV enforcement officer.');
    expect(text).toContain('On 24 November 2025 at 09:15:00 at CCTV control room I produced exhibit AB/3: Footage of the disturbance outside the Red Lion (AB/3).');
    expect(text).toContain('It is footage from camera CAM-012 (Market Street north) recorded from 23 November 2025 at 14:00:00 to 23 November 2025 at 14:10:00 (UK time).');
    expect(text).toContain('the recorder showed 14:03:10 when the true time was 14:05:00 (recorder 1 min 50 s slow)');
    expect(text).toContain('I made a working copy of exhibit AB/3, which I labelled AB/3/WC1, from the master file NVR export 0001.avi');
    expect(text).toContain('using ffmpeg version 4.1');
    expect(text).toContain('On 24 November 2025 at 09:30:00 at CCTV control room I sealed exhibit AB/3 in evidence bag number EB-778812.');
    expect(text).toContain('On 24 November 2025 at 10:00:00 at Front counter I handed exhibit AB/3 to PC 1234 Smith, for the investigation.');
    expect(text).toContain('I produce these exhibits: AB/3 and AB/4.');
  });

  it('leaves out what others did: each person in the chain gives their own statement', () => {
    expect(text).not.toContain('I received');
  });

  it('is a valid statement body with the adult age, the declaration and no signature yet', () => {
    expect(WitnessStatementBody.parse(body)).toEqual(body);
    expect(body).toMatchObject({ name: 'Ann Brown', age: 'Over 18', occupation: 'CCTV enforcement officer', signedAt: null });
    expect(body.declaration).toMatch(/true to the best of my knowledge and belief/);
  });
});

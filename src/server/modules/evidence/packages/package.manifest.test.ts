import { describe, expect, it } from 'vitest';
import { fileSafeName, fileSafeReference, packagePaths, uniquePath } from './package.manifest';
import { parseSha256Sums, renderSha256Sums } from './package.texts';

describe('paths inside a package', () => {
  it('writes references without "/", one to one with the bag label (uk-rules §4.3)', () => {
    expect(fileSafeReference('AB/3')).toBe('AB_3');
    expect(fileSafeReference('AB/3/WC1')).toBe('AB_3-WC1');
    expect(fileSafeReference('JS2/14/S3')).toBe('JS2_14-S3');
    expect(packagePaths.continuity('AB/3')).toBe('continuity/AB_3.json');
    expect(packagePaths.derivative({ exhibitReference: 'AB/3', reference: 'AB/3/WC1', role: 'working_copy', mediaType: 'video/mp4' })).toBe('exhibits/AB_3/working-copies/AB_3-WC1.mp4');
    expect(packagePaths.derivative({ exhibitReference: 'AB/3', reference: 'AB/3/S2', role: 'still', mediaType: 'image/png' })).toBe('exhibits/AB_3/stills/AB_3-S2.png');
  });

  it('makes any file name safe on Windows, macOS and Linux', () => {
    expect(packagePaths.master({ exhibitReference: 'AB/3', name: 'CH01 2025/11/23 14:00.dav' })).toBe('exhibits/AB_3/master/CH01 2025_11_23 14_00.dav');
    expect(fileSafeName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(fileSafeName('.hidden')).toBe('hidden');
    expect(fileSafeName('ends with dot. ')).toBe('ends with dot');
    expect(fileSafeName('CON.avi')).toBe('_CON.avi');
    expect(fileSafeName('')).toBe('file');
    expect(fileSafeName('Ünïcödé\u0000name\n.mp4')).toBe('_n_c_d__name_.mp4');
    const long = fileSafeName(`${'x'.repeat(300)}.avi`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.avi')).toBe(true);
  });

  it('never gives two files the same path, even differing only in case', () => {
    const taken = new Set<string>();
    expect(['a/clip.avi', 'a/CLIP.avi', 'a/clip.avi', 'a/noext'].map((p) => uniquePath(p, taken)))
      .toEqual(['a/clip.avi', 'a/CLIP (2).avi', 'a/clip (3).avi', 'a/noext']);
  });
});

describe('SHA256SUMS', () => {
  it('is read back as written, in the format sha256sum -c reads', () => {
    const entries = [{ path: 'exhibits/AB_3/master/a b.avi', sha256: 'a'.repeat(64) }, { path: 'README.txt', sha256: 'b'.repeat(64) }];
    const text = renderSha256Sums(entries).toString('utf8');
    expect(text).toBe(`${'a'.repeat(64)}  exhibits/AB_3/master/a b.avi\n${'b'.repeat(64)}  README.txt\n`);
    expect(parseSha256Sums(text)).toEqual(entries);
    expect(parseSha256Sums(`${'C'.repeat(64)} *binary.bin\r\nnot a line\n`)).toEqual([{ path: 'binary.bin', sha256: 'c'.repeat(64) }, undefined]);
  });
});

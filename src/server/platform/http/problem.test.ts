import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { toProblem } from './problem';

const pgError = (code: string) => Object.assign(new pg.DatabaseError('from the server', 0, 'error'), { code });

describe('toProblem: PostgreSQL errors', () => {
  it.each(['22021', '22P05', '22P02', '22008', '54000', '22025'])('turns data error %s, which only bad input causes, into a 400 that is still logged', (code) => {
    const r = toProblem(pgError(code));
    expect(r.problem).toMatchObject({ status: 400, code: 'http.invalid_input' });
    expect(r.unexpected).toBe(true);
  });

  it.each(['57P01', '08006', '53300', '57014'])('turns %s (the database away or overloaded) into a 503 to retry', (code) => {
    const r = toProblem(pgError(code));
    expect(r.problem).toMatchObject({ status: 503, code: 'http.unavailable' });
    expect(r.headers).toEqual({ 'retry-after': '30' });
    expect(r.unexpected).toBe(true);
  });

  it('turns a refused connection into a 503', () => {
    expect(toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).problem.status).toBe(503);
  });

  it.each(['23505', '42P01', '42703', '22012'])('keeps %s (a bug, not bad input) a 500 that leaks nothing', (code) => {
    const r = toProblem(pgError(code));
    expect(r.problem).toMatchObject({ status: 500, code: 'http.internal' });
    expect(JSON.stringify(r.problem)).not.toContain('from the server');
    expect(r.unexpected).toBe(true);
  });
});

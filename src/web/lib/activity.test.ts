import { expect, it } from 'vitest';
import { INPUT_WINDOW_MS, isUserRequest } from './activity';

// Which requests put off the idle sign-out: writes, and reads that follow the user's own input.

it('counts every write as the user’s, and a read only shortly after their own keyboard or pointer input', () => {
  const lastInput = 1_000_000;
  expect(isUserRequest({ method: 'POST', lastInput, now: lastInput + 60 * 60_000 })).toBe(true);
  expect(isUserRequest({ method: 'GET', lastInput, now: lastInput + 200 })).toBe(true);
  expect(isUserRequest({ method: 'GET', lastInput, now: lastInput + INPUT_WINDOW_MS })).toBe(true);
  // A refetch on a timer, on focus or after a live update, with nobody at the keyboard.
  expect(isUserRequest({ method: 'GET', lastInput, now: lastInput + INPUT_WINDOW_MS + 1 })).toBe(false);
  expect(isUserRequest({ method: 'GET', lastInput, now: lastInput + 25 * 60_000 })).toBe(false);
});

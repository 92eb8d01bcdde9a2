import { describe, expect, it } from 'vitest';
import { formatPence, parsePounds, parseWholeNumber, penceAsPounds } from './money';

describe('formatPence', () => {
  it('shows pence as pounds with thousands separated', () => {
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(123456)).toBe('£1,234.56');
    expect(formatPence(100_000_000_00)).toBe('£100,000,000.00');
  });
  it('marks an overspend with a minus sign', () => {
    expect(formatPence(-12345)).toBe('−£123.45');
  });
});

describe('parsePounds', () => {
  it('reads pounds and pence exactly, without floating point error', () => {
    expect(parsePounds('1234.56', 'amount')).toEqual({ pence: 123456 });
    expect(parsePounds('£1,234.5', 'amount')).toEqual({ pence: 123450 });
    expect(parsePounds('0.07', 'amount')).toEqual({ pence: 7 });
    expect(parsePounds('19.99', 'amount')).toEqual({ pence: 1999 });
    expect(parsePounds('1.10', 'amount')).toEqual({ pence: 110 });
    expect(parsePounds('.5', 'amount')).toEqual({ pence: 50 });
    expect(parsePounds('12.', 'amount')).toEqual({ pence: 1200 });
    expect(parsePounds(' 300 ', 'amount')).toEqual({ pence: 30000 });
  });
  it('refuses more than 2 decimal places with a clear message', () => {
    expect(parsePounds('10.005', 'amount')).toEqual({ problem: 'Enter the amount in pounds and pence, with no more than 2 decimal places' });
  });
  it('refuses what is not an amount', () => {
    expect(parsePounds('', 'amount').problem).toBe('Enter the amount in pounds, like 1,234.56');
    expect(parsePounds('ten', 'amount').problem).toBe('Enter the amount in pounds as a number, like 1,234.56');
    expect(parsePounds('1,23.00', 'amount').problem).toMatch(/as a number/);
    expect(parsePounds('.', 'amount').problem).toMatch(/as a number/);
    expect(parsePounds('-5', 'VAT').problem).toBe('The VAT cannot be negative');
    expect(parsePounds('12345678901', 'amount').problem).toBe('The amount is too large');
  });
  it('reads what the parts and lines forms are given, and refuses what is not an amount', () => {
    expect(parsePounds('12', 'unit cost')).toEqual({ pence: 1200 });
    expect(parsePounds(' 0.99 ', 'unit cost')).toEqual({ pence: 99 });
    expect(parsePounds('12.345', 'unit cost').problem).toMatch(/no more than 2 decimal places/);
    expect(parsePounds('-3', 'unit cost').problem).toBe('The unit cost cannot be negative');
    expect(parsePounds('ten', 'unit cost').problem).toMatch(/as a number/);
    expect(parsePounds('', 'unit cost').problem).toBe('Enter the unit cost in pounds, like 1,234.56');
  });
  it('takes an empty optional field as nothing', () => {
    expect(parsePounds('  ', 'VAT', { optional: true })).toEqual({ pence: 0 });
  });
});

describe('penceAsPounds', () => {
  it('writes pence for a field to edit', () => {
    expect(penceAsPounds(123456)).toBe('1234.56');
    expect(penceAsPounds(5)).toBe('0.05');
  });
});

describe('parseWholeNumber', () => {
  it('reads a count as typed, and refuses anything but a whole number', () => {
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('0')).toBe(0);
    for (const bad of ['', '2.5', '-1', 'ten', '1e3']) expect(parseWholeNumber(bad)).toBeUndefined();
  });
});

import { createHash } from 'node:crypto';

// Redacting personal data from an entry's text: pure decisions, tested without a database.

export const REDACTED = '[redacted]';

/**
 * The text with every appearance of `remove` replaced by "[redacted]", matched whatever its
 * capitals (a name typed "SMITH" in one place and "Smith" in another goes in both), and how many
 * it replaced.
 */
export function redactText(text: string, remove: string): { text: string; replaced: number } {
  const words = remove.trim();
  if (!words) return { text, replaced: 0 };
  let replaced = 0;
  const pattern = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const out = text.replace(pattern, () => { replaced++; return REDACTED; });
  return { text: out, replaced };
}

/** The SHA-256 of a text's UTF-8 bytes, in hex (as PostgreSQL's sha256(convert_to(text, 'UTF8')) gives it). */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

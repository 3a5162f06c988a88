import { z } from 'zod';
import { badUserInput } from '../errors';

/**
 * Validates a mutation's input with zod; the first problem becomes a BAD_USER_INPUT error whose
 * `field` names the input field, so a client can show it next to that field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw badUserInput(`"${field}" ${issue.message}`, field);
}

/** Characters as a person counts them here: code points, so a 4-byte emoji is one. */
const characters = (value: string) => [...value].length;

/** With the `u` flag, a surrogate pair is one code point: only unpaired halves match. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Free text kept exactly as written, within length limits counted in characters. PostgreSQL
 * cannot store NUL or unpaired surrogates, so they are refused here with a clear message rather
 * than failing deep down or being silently replaced.
 */
export function text(min: number, max: number) {
  return (
    z
      .string()
      .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
      // A lone UTF-16 surrogate (JSON allows "\ud800") has no UTF-8 form: PostgreSQL would get U+FFFD
      // instead, and the text would not come back as written. Refused rather than changed.
      .refine((value) => !LONE_SURROGATE.test(value), 'must be valid Unicode text (no unpaired surrogates)')
      // Both limits count characters (code points), so that an emoji is one character at either end;
      // `.length` would count UTF-16 units, and let 5 emoji pass for 10 characters.
      .refine(
        (value) => characters(value.trim()) >= min,
        `must have at least ${min} character${min === 1 ? '' : 's'} besides spaces`,
      )
      .refine((value) => characters(value) <= max, `must have at most ${max} characters`)
  );
}

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex.';

/** Client-chosen idempotency keys: long enough to be unguessable, short enough to index. */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16 to 128 letters, digits, "-" or "_"');

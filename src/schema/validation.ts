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

/**
 * Free text kept exactly as written, within length limits counted in characters. PostgreSQL
 * cannot store NUL, so it is refused here with a clear message rather than failing deep down.
 */
export function text(min: number, max: number) {
  return z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .refine((value) => value.trim().length >= min, `must have at least ${min} character${min === 1 ? '' : 's'} besides spaces`)
    .refine((value) => [...value].length <= max, `must have at most ${max} characters`);
}

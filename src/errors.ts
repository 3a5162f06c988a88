import { GraphQLError } from 'graphql';

/**
 * Expected failures carry a stable `extensions.code` and a message a person can act on.
 * Yoga passes GraphQLErrors through; anything else is masked as "Unexpected error." and logged.
 */
/**
 * Every `extensions.code` the API sends, with what it means: the one list (a test checks that the
 * code sends no other and that README's "Error codes" table shows each).
 */
export const ERROR_CODES = {
  BAD_REQUEST: 'HTTP 400/403: malformed JSON or parameters, values nested too deeply, a missing CSRF header.',
  REQUEST_ENTITY_TOO_LARGE: 'HTTP 413: the body is over MAX_BODY_BYTES (by Content-Length, or counted as it arrives).',
  GRAPHQL_PARSE_FAILED: 'HTTP 400: the document is not valid GraphQL, or has too many tokens.',
  GRAPHQL_VALIDATION_FAILED: 'HTTP 400: unknown field, or over a shape or cost limit.',
  BAD_USER_INPUT: 'A bad variable, argument, ID, cursor or input value; `extensions.field` names it.',
  UNAUTHENTICATED: 'HTTP 401: the credential is missing, wrong or revoked.',
  FORBIDDEN: 'The credential is valid but does not cover the action.',
  NOT_FOUND: 'No row with that slug or ID (or an ID of a type that is not a node).',
  RATE_LIMITED: 'HTTP 429: over a rate or connection limit; `extensions.retryAfter` in seconds where it applies.',
  DATABASE_UNAVAILABLE: 'HTTP 503: the database cannot be reached; retry.',
  DATABASE_BUSY: 'HTTP 503: no database connection free in time; retry.',
  DATABASE_TIMEOUT: 'HTTP 503: the statement ran past its time limit.',
  RESOURCE_LOCKED: 'HTTP 409: the row is locked by another write for too long; retry.',
  SEARCH_BUSY: 'HTTP 503: every search slot of this instance stayed taken; retry the search after `Retry-After`.',
  INTERNAL_SERVER_ERROR: 'HTTP 500: unexpected; "Unexpected error." with the `requestId` of the log line.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badUserInput = (message: string, field?: string) =>
  userError('BAD_USER_INPUT', message, field ? { field } : {});

export const notFound = (message: string) => userError('NOT_FOUND', message);

import { GraphQLError } from 'graphql';

/**
 * Expected failures carry a stable `extensions.code` and a message a person can act on.
 * Yoga passes GraphQLErrors through; anything else is masked as "Unexpected error." and logged.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'RATE_LIMITED';

export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badUserInput = (message: string, field?: string) =>
  userError('BAD_USER_INPUT', message, field ? { field } : {});

export const notFound = (message: string) => userError('NOT_FOUND', message);

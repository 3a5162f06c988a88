import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { Prisma } from '../generated/prisma/client';

/**
 * Database failures a client can act on (wait and retry), told apart from bugs. Each is a 503,
 * or 409 for a locked row, with `Retry-After`, so that load balancers and clients back off;
 * the message says what happened without any database detail.
 */
export type DatabaseFailureCode =
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_BUSY'
  | 'DATABASE_TIMEOUT'
  | 'RESOURCE_LOCKED'
  | 'SEARCH_BUSY';

const FAILURES: Record<DatabaseFailureCode, { status: number; retryAfter: number; message: string }> = {
  DATABASE_UNAVAILABLE: {
    status: 503,
    retryAfter: 5,
    message:
      'The database cannot be reached right now. Try again in a few seconds; a write retried with its idempotencyKey is applied once.',
  },
  DATABASE_BUSY: {
    status: 503,
    retryAfter: 1,
    message: 'The server is too busy to reach the database right now; nothing was changed. Try again in a second.',
  },
  DATABASE_TIMEOUT: {
    status: 503,
    retryAfter: 1,
    message:
      'The database took too long to answer, so the request was cancelled; nothing was changed. Try again, or ask for less.',
  },
  RESOURCE_LOCKED: {
    status: 409,
    retryAfter: 2,
    message: 'Something else is changing the same item right now; nothing was changed. Try again in a few seconds.',
  },
  SEARCH_BUSY: {
    status: 503,
    retryAfter: 2,
    message:
      'Too many searches are running on this server right now. Try the search again in a few seconds; lists without a search still work.',
  },
};

/** The pool wait ran out before a connection (or a write slot) was free. */
export class PoolBusyError extends Error {
  constructor(what: string, ms: number) {
    super(`No ${what} free within ${ms} ms`);
    this.name = 'PoolBusyError';
  }
}

/** Every search slot stayed taken for the search wait (src/db/search-slots.ts). */
export class SearchBusyError extends Error {
  constructor(slots: number, ms: number) {
    super(`All ${slots} search slots stayed taken for ${ms} ms`);
    this.name = 'SearchBusyError';
  }
}

/** Writes queued on one row in this process made no progress for the statement timeout. */
export class RowBusyError extends Error {
  constructor(row: string, ms: number) {
    super(`the writes queued on ${row} made no progress for ${ms} ms`);
    this.name = 'RowBusyError';
  }
}

// SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const BY_SQLSTATE: Record<string, DatabaseFailureCode> = {
  '55P03': 'RESOURCE_LOCKED', // lock_not_available: lock_timeout, or NOWAIT
  '57014': 'DATABASE_TIMEOUT', // query_canceled: statement_timeout
  '53300': 'DATABASE_BUSY', // too_many_connections
  '57P01': 'DATABASE_UNAVAILABLE', // admin_shutdown
  '57P02': 'DATABASE_UNAVAILABLE', // crash_shutdown
  '57P03': 'DATABASE_UNAVAILABLE', // cannot_connect_now (starting up, in recovery)
};

// Driver adapter error kinds (@prisma/driver-adapter-utils) that mean "no connection".
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'DatabaseDoesNotExist',
]);
// Prisma's own connection errors: can't reach, timed out, server closed the connection.
const UNREACHABLE_PRISMA = new Set(['P1001', 'P1002', 'P1017']);

/** The failure a driver adapter error's `cause` names, if any. */
function fromAdapterCause(adapterError: unknown): DatabaseFailureCode | null {
  const cause = (adapterError as { cause?: { kind?: unknown; code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string' && BY_SQLSTATE[cause.code]) return BY_SQLSTATE[cause.code]!;
  if (typeof cause?.code === 'string' && cause.code.startsWith('08')) return 'DATABASE_UNAVAILABLE'; // connection_exception
  if (typeof cause?.kind === 'string' && UNREACHABLE_KINDS.has(cause.kind)) return 'DATABASE_UNAVAILABLE';
  return null;
}

/** What kind of database failure `error` is, if it is one. */
export function databaseFailureCode(error: unknown): DatabaseFailureCode | null {
  if (error instanceof PoolBusyError) return 'DATABASE_BUSY';
  if (error instanceof RowBusyError) return 'RESOURCE_LOCKED';
  if (error instanceof SearchBusyError) return 'SEARCH_BUSY';
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const byCause = fromAdapterCause(error.meta?.driverAdapterError);
    if (byCause) return byCause;
    if (UNREACHABLE_PRISMA.has(error.code)) return 'DATABASE_UNAVAILABLE';
    // Transaction API errors: it could not start within maxWait, or outlived its timeout.
    if (error.code === 'P2028') return 'DATABASE_BUSY';
    return null;
  }
  // Prisma passes the adapter's error on unwrapped when a transaction's COMMIT fails (its
  // connection broke while committing: the write may or may not have been saved).
  if (error instanceof Error && error.name === 'DriverAdapterError') return fromAdapterCause(error);
  if (error instanceof Prisma.PrismaClientInitializationError) return 'DATABASE_UNAVAILABLE';
  if (!(error instanceof Error)) return null;
  // node-postgres and pg-pool errors reach us unwrapped, told apart only by their messages.
  if (error.message === 'timeout exceeded when trying to connect') return 'DATABASE_BUSY'; // pool wait ran out
  // Includes the connect timeout, and a connection that broke earlier (or was ended by PostgreSQL).
  if (/^Connection terminated|is not queryable/.test(error.message)) return 'DATABASE_UNAVAILABLE';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && BY_SQLSTATE[code]) return BY_SQLSTATE[code]!;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND')
    return 'DATABASE_UNAVAILABLE';
  return null;
}

/** The client's error for a database failure, or null when `error` is something else. */
export function databaseFailure(
  error: unknown,
  requestId: string,
  options: GraphQLErrorOptions = {},
): GraphQLError | null {
  const code = databaseFailureCode(error);
  if (!code) return null;
  const { status, retryAfter, message } = FAILURES[code];
  return new GraphQLError(message, {
    ...options,
    extensions: { code, retryAfter, requestId, http: { status, headers: { 'Retry-After': String(retryAfter) } } },
  });
}

import { createHash, randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client';
import type { CredentialRole, Prisma } from '../generated/prisma/client';
import { userError } from '../errors';
import type { Viewer } from './viewer';

/*
 * Bearer tokens: `mqa_` + 32 random bytes in base64url. The prefix lets secret scanners and people
 * recognise a leaked token. Only the sha256 of a token is stored, so a copy of the database grants
 * nothing; a plain hash (no salt, no slow KDF) is enough for 256 random bits, and lets a request
 * find its credential with one indexed lookup.
 */

export const TOKEN_PREFIX = 'mqa_';
const TOKEN_PATTERN = /^mqa_[A-Za-z0-9_-]{43}$/;

/** The person a credential acts for. */
export type CredentialOwner =
  | { role: 'doctor'; doctorId: number }
  | { role: 'staff'; staffMemberId: number }
  | { role: 'asker'; askerId: number };

/** The client or a transaction: askQuestion issues the asker's token in the same transaction. */
type CredentialStore = Pick<Db, 'credential'> | Pick<Prisma.TransactionClient, 'credential'>;

/** sha256 of the token, lowercase hex: what the credential table stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Stores a new credential for the person and returns its token: the only time it is ever seen. */
export async function issueCredential(db: CredentialStore, owner: CredentialOwner): Promise<string> {
  const token = generateToken();
  const person =
    owner.role === 'doctor'
      ? { role: 'DOCTOR' as const, doctorId: owner.doctorId }
      : owner.role === 'staff'
        ? { role: 'STAFF' as const, staffMemberId: owner.staffMemberId }
        : { role: 'ASKER' as const, askerId: owner.askerId };
  await db.credential.create({ data: { tokenHash: hashToken(token), ...person }, select: { id: true } });
  return token;
}

/**
 * Revokes the token's credential. Returns false when there is no such credential (or it is not a
 * token at all); revoking an already revoked one returns true and keeps the first revocation time.
 */
export async function revokeCredential(db: CredentialStore, token: string): Promise<boolean> {
  const tokenHash = hashToken(token.trim());
  const { count } = await db.credential.updateMany({
    where: { tokenHash, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count > 0) return true;
  return (await db.credential.count({ where: { tokenHash } })) > 0;
}

export const INVALID_CREDENTIAL_MESSAGE = 'Invalid or revoked credential.';

const invalidCredential = () => userError('UNAUTHENTICATED', INVALID_CREDENTIAL_MESSAGE);

/**
 * Who the request acts for. Takes an `Authorization` header value (`Bearer <token>`, any case of
 * "Bearer") or a bare token (graphql-ws connection params). No credential at all → null
 * (anonymous); a malformed, unknown or revoked one → UNAUTHENTICATED, never a silent downgrade to
 * anonymous, so that a client with a broken token finds out at once.
 */
export async function resolveViewer(
  db: CredentialStore,
  authorization: string | null | undefined,
): Promise<Viewer | null> {
  const value = authorization?.trim();
  if (!value) return null;
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  const token = bearer ? bearer[1]! : value;
  if (!TOKEN_PATTERN.test(token)) throw invalidCredential();

  const credential = await db.credential.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, role: true, doctorId: true, staffMemberId: true, askerId: true, revokedAt: true },
  });
  if (!credential || credential.revokedAt !== null) throw invalidCredential();
  return toViewer(credential);
}

function toViewer(credential: {
  id: number;
  role: CredentialRole;
  doctorId: number | null;
  staffMemberId: number | null;
  askerId: number | null;
}): Viewer {
  // The CHECK constraint guarantees the matching id is set; the guards satisfy the compiler.
  const { id: credentialId, role, doctorId, staffMemberId, askerId } = credential;
  if (role === 'DOCTOR' && doctorId !== null) return { role: 'doctor', doctorId, credentialId };
  if (role === 'STAFF' && staffMemberId !== null) return { role: 'staff', staffMemberId, credentialId };
  if (role === 'ASKER' && askerId !== null) return { role: 'asker', askerId, credentialId };
  throw new Error(`credential ${credentialId} has role ${role} but not its person`);
}

/**
 * The viewer of an HTTP request, from its `Authorization` header. A bad credential fails the
 * whole request with 401 and `WWW-Authenticate: Bearer` (RFC 6750); Yoga takes both from
 * `extensions.http` and leaves that out of the response body.
 */
export async function viewerOfRequest(db: CredentialStore, request: Request): Promise<Viewer | null> {
  try {
    return await resolveViewer(db, request.headers.get('authorization'));
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
      throw userError('UNAUTHENTICATED', error.message, {
        http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
      });
    }
    throw error;
  }
}

/**
 * The viewer of a graphql-ws connection, from `connectionParams.authorization` (`Bearer <token>`
 * or the bare token), the WebSocket stand-in for the header.
 */
export function viewerOfConnection(db: CredentialStore, connectionParams: unknown): Promise<Viewer | null> {
  const authorization =
    typeof connectionParams === 'object' && connectionParams !== null
      ? (connectionParams as Record<string, unknown>).authorization
      : undefined;
  if (authorization == null) return Promise.resolve(null);
  if (typeof authorization !== 'string') return Promise.reject(invalidCredential());
  return resolveViewer(db, authorization);
}

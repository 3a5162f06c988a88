import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import { badUserInput } from '../errors';
import type { Db } from './client';
import { IDEMPOTENCY_KEY_TTL_MS } from './idempotency-expiry';
import { writeStatement, writeTransaction } from './transaction';

export type IdempotentOperation =
  | 'askQuestion'
  | 'postAnswer'
  | 'markNotificationsRead'
  | 'agreeWithAnswer'
  | 'withdrawAgreement'
  | 'thankAnswer'
  | 'followTopic'
  | 'unfollowTopic';

export interface IdempotentRequest {
  operation: IdempotentOperation;
  /** Whose key it is ("credential:<id>", or "anonymous"), so that two clients' keys never collide. */
  scope: string;
  key: string | null | undefined;
  /** What was asked: the same key with another input is refused. */
  input: unknown;
  /** The row the write locks, if any: writes to one row queue in-process (writeTransaction). */
  row?: string;
  /**
   * The write is one SQL statement: without a key it runs on its own (writeStatement), with no
   * transaction around it; with a key, in a transaction with the key's row, as any write.
   */
  oneStatement?: boolean;
}

type Tx = Prisma.TransactionClient;
type Replayed = { id: number; secret: string | null; replayed: true };

/**
 * Runs a write at most once per idempotency key. The key is recorded in the write's own
 * transaction, with the id of the row it created, so either both exist or neither does:
 * - a retry after the first request committed gets `{ id, secret, replayed: true }` and writes
 *   nothing;
 * - two requests racing with one key: the second fails on the unique index, rolls back whole,
 *   and also gets the first one's result.
 * A `secret` the write returns (a credential it issued) is kept encrypted with a key derived from
 * the idempotency key, so that a retry gets the very same secret, and only someone holding the
 * idempotency key can read it: not the database, not a log, not another client. Only the
 * sha256 of the idempotency key is stored. Keys expire after IDEMPOTENCY_KEY_TTL_MS.
 * Without a key, the write simply runs in a transaction (or alone, if it is one statement).
 */
export async function runOnce<R extends { id: number; secret?: string }>(
  db: Db,
  request: IdempotentRequest,
  write: (tx: Tx) => Promise<R>,
): Promise<(R & { replayed: false }) | Replayed> {
  if (!request.key) {
    const run = request.oneStatement ? writeStatement : writeTransaction;
    return { ...(await run(db, write, request)), replayed: false };
  }
  const secretKey = request.key;
  const where = { operation: request.operation, scope: request.scope, key: sha256(secretKey) };
  const inputHash = sha256(JSON.stringify(request.input));
  const replay = async (): Promise<Replayed | null> => {
    const first = await db.idempotencyKey.findUnique({ where: { operation_scope_key: where } });
    if (!first) return null;
    if (first.createdAt.getTime() < Date.now() - IDEMPOTENCY_KEY_TTL_MS) {
      // Expired, not yet swept: forgotten, as if it were gone.
      await db.idempotencyKey.deleteMany({ where: { id: first.id, createdAt: first.createdAt } });
      return null;
    }
    if (first.inputHash !== inputHash) {
      throw badUserInput('This idempotency key was already used with a different input.', 'idempotencyKey');
    }
    const secret = first.result ? open(first.result, secretKey, where) : null;
    return { id: first.resultId, secret, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await writeTransaction(
      db,
      async (tx) => {
        const result = await write(tx);
        const sealed = result.secret === undefined ? null : seal(result.secret, secretKey, where);
        await tx.idempotencyKey.create({ data: { ...where, inputHash, resultId: result.id, result: sealed } });
        return { ...result, replayed: false as const };
      },
      request,
    );
  } catch (error) {
    const lostRace = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
    const winner = lostRace ? await replay() : null;
    if (winner) return winner;
    throw error;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** AES-256-GCM key from the idempotency key (HKDF-SHA256, salted with the key's row identity). */
function cipherKey(secretKey: string, where: { operation: string; scope: string }): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secretKey, `${where.operation}\n${where.scope}`, 'medqa idempotency result', 32),
  );
}

/** iv (12 bytes) ‖ tag (16) ‖ ciphertext. */
function seal(secret: string, secretKey: string, where: { operation: string; scope: string }): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(secretKey, where), iv);
  const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), text]));
}

function open(sealed: Uint8Array, secretKey: string, where: { operation: string; scope: string }): string {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(secretKey, where), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

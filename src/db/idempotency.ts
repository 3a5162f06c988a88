import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import { badUserInput } from '../errors';
import type { Db } from './client';
import { writeTransaction } from './transaction';

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
  /** Whose key it is, so that two clients' keys never collide. */
  scope: string;
  key: string | null | undefined;
  /** What was asked: the same key with another input is refused. */
  input: unknown;
  /** The row the write locks, if any: writes to one row queue in-process (writeTransaction). */
  row?: string;
}

type Tx = Prisma.TransactionClient;

/**
 * Runs a write at most once per idempotency key. The key is recorded in the write's own
 * transaction, with the id of the row it created, so either both exist or neither does:
 * - a retry after the first request committed gets `{ id, replayed: true }` and writes nothing;
 * - two requests racing with one key: the second fails on the unique index, rolls back whole,
 *   and also gets the first one's id.
 * Without a key, the write simply runs in a transaction.
 */
export async function runOnce<R extends { id: number }>(
  db: Db,
  request: IdempotentRequest,
  write: (tx: Tx) => Promise<R>,
): Promise<(R & { replayed: false }) | { id: number; replayed: true }> {
  if (!request.key) return { ...(await writeTransaction(db, write, request)), replayed: false };
  const where = { operation: request.operation, scope: request.scope, key: request.key };
  const inputHash = createHash('sha256').update(JSON.stringify(request.input)).digest('hex');
  const replay = async () => {
    const first = await db.idempotencyKey.findUnique({ where: { operation_scope_key: where } });
    if (!first) return null;
    if (first.inputHash !== inputHash) {
      throw badUserInput('This idempotency key was already used with a different input.', 'idempotencyKey');
    }
    return { id: first.resultId, replayed: true as const };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await writeTransaction(db, async (tx) => {
      const result = await write(tx);
      await tx.idempotencyKey.create({ data: { ...where, inputHash, resultId: result.id } });
      return { ...result, replayed: false as const };
    }, request);
  } catch (error) {
    const lostRace = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
    const winner = lostRace ? await replay() : null;
    if (winner) return winner;
    throw error;
  }
}

-- Idempotency keys scoped to their owner (issue 14 item 3).
-- Only the sha256 of a client's key is kept, and askQuestion keeps the asker token it issued,
-- encrypted with a key derived from the idempotency key, so that a retry returns that same token
-- to whoever holds the key, and to no one else.

-- AlterTable
ALTER TABLE "idempotency_key" ADD COLUMN "result" BYTEA;

-- Keys already stored are hashed in place, so that a retry of a recent write still finds its key.
UPDATE "idempotency_key" SET "key" = encode(sha256(convert_to("key", 'UTF8')), 'hex');

-- askQuestion keys from before have no encrypted token to give back: they are forgotten (a retry
-- of such a request, within the day they had left, asks a second time).
DELETE FROM "idempotency_key" WHERE "operation" = 'askQuestion';

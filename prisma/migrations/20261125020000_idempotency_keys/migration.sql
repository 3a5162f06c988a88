-- Idempotency keys of askQuestion and postAnswer: a retried mutation returns its first result.

-- CreateTable
CREATE TABLE "idempotency_key" (
    "id" SERIAL NOT NULL,
    "operation" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "input_hash" TEXT NOT NULL,
    "result_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_key_operation_scope_key_key" ON "idempotency_key"("operation", "scope", "key");

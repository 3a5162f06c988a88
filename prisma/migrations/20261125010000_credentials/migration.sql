-- Bearer credentials of doctors, staff and askers. Only the sha256 of a token is stored.

-- CreateEnum
CREATE TYPE "credential_role" AS ENUM ('DOCTOR', 'STAFF', 'ASKER');

-- CreateTable
CREATE TABLE "credential" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "role" "credential_role" NOT NULL,
    "doctor_id" INTEGER,
    "staff_member_id" INTEGER,
    "asker_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "credential_pkey" PRIMARY KEY ("id"),
    -- A hash, never a token: 64 lowercase hex digits.
    CONSTRAINT "credential_token_hash_is_sha256" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
    -- The credential belongs to exactly the person its role names; the other two columns are null.
    CONSTRAINT "credential_person_matches_role" CHECK (
        ("role" = 'DOCTOR') = ("doctor_id" IS NOT NULL)
        AND ("role" = 'STAFF') = ("staff_member_id" IS NOT NULL)
        AND ("role" = 'ASKER') = ("asker_id" IS NOT NULL)
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "credential_token_hash_key" ON "credential"("token_hash");

-- CreateIndex
CREATE INDEX "credential_doctor_id_idx" ON "credential"("doctor_id");

-- CreateIndex
CREATE INDEX "credential_staff_member_id_idx" ON "credential"("staff_member_id");

-- CreateIndex
CREATE INDEX "credential_asker_id_idx" ON "credential"("asker_id");

-- AddForeignKey
ALTER TABLE "credential" ADD CONSTRAINT "credential_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential" ADD CONSTRAINT "credential_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential" ADD CONSTRAINT "credential_asker_id_fkey" FOREIGN KEY ("asker_id") REFERENCES "asker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

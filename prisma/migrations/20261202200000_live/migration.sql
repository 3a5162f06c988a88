-- Issue 11: askers' notifications, doctors' agreement and askers' thanks, topics mapped to
-- specialties and followed by doctors.

-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('ANSWER_ADDED', 'ANSWER_EDITED', 'ANSWER_HIDDEN');

-- AlterTable: counters kept in the vote's transaction, so that reading them costs no join.
ALTER TABLE "answer" ADD COLUMN "agree_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "thank_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "answer_thanks" (
    "answer_id" INTEGER NOT NULL,
    "asker_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_thanks_pkey" PRIMARY KEY ("answer_id","asker_id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "asker_id" INTEGER NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "question_id" INTEGER NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_topic_specialty" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_topic_specialty_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_answer_agreement" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_answer_agreement_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_doctor_topic_follow" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_doctor_topic_follow_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "answer_thanks_asker_id_idx" ON "answer_thanks"("asker_id");

-- CreateIndex
CREATE INDEX "notification_asker_id_id_idx" ON "notification"("asker_id", "id" DESC);

-- CreateIndex
CREATE INDEX "notification_question_id_idx" ON "notification"("question_id");

-- CreateIndex
CREATE INDEX "notification_answer_id_idx" ON "notification"("answer_id");

-- CreateIndex
CREATE INDEX "_topic_specialty_B_index" ON "_topic_specialty"("B");

-- CreateIndex
CREATE INDEX "_answer_agreement_B_index" ON "_answer_agreement"("B");

-- CreateIndex
CREATE INDEX "_doctor_topic_follow_B_index" ON "_doctor_topic_follow"("B");

-- AddForeignKey
ALTER TABLE "answer_thanks" ADD CONSTRAINT "answer_thanks_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_thanks" ADD CONSTRAINT "answer_thanks_asker_id_fkey" FOREIGN KEY ("asker_id") REFERENCES "asker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_asker_id_fkey" FOREIGN KEY ("asker_id") REFERENCES "asker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_topic_specialty" ADD CONSTRAINT "_topic_specialty_A_fkey" FOREIGN KEY ("A") REFERENCES "specialty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_topic_specialty" ADD CONSTRAINT "_topic_specialty_B_fkey" FOREIGN KEY ("B") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_answer_agreement" ADD CONSTRAINT "_answer_agreement_A_fkey" FOREIGN KEY ("A") REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_answer_agreement" ADD CONSTRAINT "_answer_agreement_B_fkey" FOREIGN KEY ("B") REFERENCES "doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_doctor_topic_follow" ADD CONSTRAINT "_doctor_topic_follow_A_fkey" FOREIGN KEY ("A") REFERENCES "doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_doctor_topic_follow" ADD CONSTRAINT "_doctor_topic_follow_B_fkey" FOREIGN KEY ("B") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The answer counters' trigger recounted a question's and a doctor's answers on every UPDATE of
-- an answer, locking both rows. Votes update answer rows (agree_count, thank_count) and must not
-- serialise on the question and the doctor: only rows whose question, doctor or visibility
-- changed are recounted now. (Statement triggers with transition tables cannot name columns.)
CREATE OR REPLACE FUNCTION "answer_counts_trigger"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "refresh_answer_counts"(ARRAY(SELECT "question_id" FROM new_rows), ARRAY(SELECT "doctor_id" FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "refresh_answer_counts"(ARRAY(SELECT "question_id" FROM old_rows), ARRAY(SELECT "doctor_id" FROM old_rows));
    ELSE
        PERFORM "refresh_answer_counts"(
            ARRAY(SELECT o."question_id" FROM old_rows o JOIN new_rows n USING ("id") WHERE (o."question_id", o."doctor_id", o."hidden_at") IS DISTINCT FROM (n."question_id", n."doctor_id", n."hidden_at")
                  UNION SELECT n."question_id" FROM old_rows o JOIN new_rows n USING ("id") WHERE (o."question_id", o."doctor_id", o."hidden_at") IS DISTINCT FROM (n."question_id", n."doctor_id", n."hidden_at")),
            ARRAY(SELECT o."doctor_id" FROM old_rows o JOIN new_rows n USING ("id") WHERE (o."question_id", o."doctor_id", o."hidden_at") IS DISTINCT FROM (n."question_id", n."doctor_id", n."hidden_at")
                  UNION SELECT n."doctor_id" FROM old_rows o JOIN new_rows n USING ("id") WHERE (o."question_id", o."doctor_id", o."hidden_at") IS DISTINCT FROM (n."question_id", n."doctor_id", n."hidden_at")));
    END IF;
    RETURN NULL;
END $$;

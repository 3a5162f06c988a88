-- CreateTable
CREATE TABLE "specialty" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "specialty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "doctor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "specialty_id" INTEGER,
    "career_start_year" INTEGER NOT NULL,
    "country" TEXT NOT NULL,
    "city" TEXT,
    "profile_picture_url" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "answer_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "doctor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_member" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asker" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "asker_id" INTEGER NOT NULL,
    "answer_count" INTEGER NOT NULL DEFAULT 0,
    "last_answered_at" TIMESTAMPTZ(3),
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B')
    ) STORED,

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer" (
    "id" SERIAL NOT NULL,
    "question_id" INTEGER NOT NULL,
    "doctor_id" INTEGER,
    "staff_member_id" INTEGER,
    "body" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_edited_at" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),

    CONSTRAINT "answer_pkey" PRIMARY KEY ("id"),
    -- An answer is written by a doctor or by a staff member: never both, never neither.
    CONSTRAINT "answer_one_author" CHECK (("doctor_id" IS NULL) <> ("staff_member_id" IS NULL))
);

-- CreateTable
CREATE TABLE "answer_edit" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "doctor_id" INTEGER,
    "staff_member_id" INTEGER,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previous_body" TEXT NOT NULL,

    CONSTRAINT "answer_edit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "answer_edit_one_editor" CHECK (("doctor_id" IS NULL) <> ("staff_member_id" IS NULL))
);

-- CreateTable
CREATE TABLE "topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blog_post" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "blog_post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_question_topic" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_question_topic_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_blog_post_topic" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_blog_post_topic_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "specialty_slug_key" ON "specialty"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "specialty_name_key" ON "specialty"("name");

-- CreateIndex
CREATE UNIQUE INDEX "doctor_slug_key" ON "doctor"("slug");

-- CreateIndex
CREATE INDEX "doctor_specialty_id_idx" ON "doctor"("specialty_id");

-- CreateIndex
CREATE INDEX "doctor_country_idx" ON "doctor"("country");

-- CreateIndex
CREATE INDEX "doctor_career_start_year_id_idx" ON "doctor"("career_start_year", "id");

-- CreateIndex
CREATE INDEX "doctor_answer_count_id_idx" ON "doctor"("answer_count" DESC, "id");

-- CreateIndex
CREATE INDEX "doctor_name_id_idx" ON "doctor"("name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_member_email_key" ON "staff_member"("email");

-- CreateIndex
CREATE UNIQUE INDEX "question_slug_key" ON "question"("slug");

-- CreateIndex
CREATE INDEX "question_asker_id_idx" ON "question"("asker_id");

-- CreateIndex
CREATE INDEX "question_asked_at_id_idx" ON "question"("asked_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "question_last_answered_at_id_idx" ON "question"("last_answered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "question_answer_count_id_idx" ON "question"("answer_count" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "question_search_idx" ON "question" USING GIN ("search");

-- CreateIndex
CREATE INDEX "answer_question_id_answered_at_id_idx" ON "answer"("question_id", "answered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "answer_doctor_id_answered_at_id_idx" ON "answer"("doctor_id", "answered_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "answer_staff_member_id_idx" ON "answer"("staff_member_id");

-- CreateIndex
CREATE INDEX "answer_edit_answer_id_edited_at_idx" ON "answer_edit"("answer_id", "edited_at");

-- CreateIndex
CREATE UNIQUE INDEX "topic_slug_key" ON "topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "blog_post_slug_key" ON "blog_post"("slug");

-- CreateIndex
CREATE INDEX "blog_post_published_at_id_idx" ON "blog_post"("published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "_question_topic_B_index" ON "_question_topic"("B");

-- CreateIndex
CREATE INDEX "_blog_post_topic_B_index" ON "_blog_post_topic"("B");

-- AddForeignKey
ALTER TABLE "doctor" ADD CONSTRAINT "doctor_specialty_id_fkey" FOREIGN KEY ("specialty_id") REFERENCES "specialty"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_asker_id_fkey" FOREIGN KEY ("asker_id") REFERENCES "asker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_edit" ADD CONSTRAINT "answer_edit_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_edit" ADD CONSTRAINT "answer_edit_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_edit" ADD CONSTRAINT "answer_edit_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_question_topic" ADD CONSTRAINT "_question_topic_A_fkey" FOREIGN KEY ("A") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_question_topic" ADD CONSTRAINT "_question_topic_B_fkey" FOREIGN KEY ("B") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_blog_post_topic" ADD CONSTRAINT "_blog_post_topic_A_fkey" FOREIGN KEY ("A") REFERENCES "blog_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_blog_post_topic" ADD CONSTRAINT "_blog_post_topic_B_fkey" FOREIGN KEY ("B") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Denormalised counters: question.answer_count, question.last_answered_at and doctor.answer_count
-- count visible (not hidden) answers. Statement-level triggers keep them, so bulk inserts refresh
-- each touched row once. The rows are locked first so that concurrent writers count each other.
CREATE FUNCTION "refresh_answer_counts"(question_ids INTEGER[], doctor_ids INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "question" WHERE "id" = ANY(question_ids) ORDER BY "id" FOR UPDATE;
    UPDATE "question" q
       SET "answer_count" = s.n, "last_answered_at" = s.last
      FROM (SELECT ids.id, count(a."id")::INTEGER AS n, max(a."answered_at") AS last
              FROM (SELECT DISTINCT unnest(question_ids) AS id) ids
              LEFT JOIN "answer" a ON a."question_id" = ids.id AND a."hidden_at" IS NULL
             GROUP BY ids.id) s
     WHERE q."id" = s.id;

    PERFORM 1 FROM "doctor" WHERE "id" = ANY(doctor_ids) ORDER BY "id" FOR UPDATE;
    UPDATE "doctor" d
       SET "answer_count" = s.n
      FROM (SELECT ids.id, count(a."id")::INTEGER AS n
              FROM (SELECT DISTINCT unnest(doctor_ids) AS id) ids
              LEFT JOIN "answer" a ON a."doctor_id" = ids.id AND a."hidden_at" IS NULL
             GROUP BY ids.id) s
     WHERE d."id" = s.id;
END $$;

CREATE FUNCTION "answer_counts_trigger"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "refresh_answer_counts"(ARRAY(SELECT "question_id" FROM new_rows), ARRAY(SELECT "doctor_id" FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "refresh_answer_counts"(ARRAY(SELECT "question_id" FROM old_rows), ARRAY(SELECT "doctor_id" FROM old_rows));
    ELSE
        PERFORM "refresh_answer_counts"(
            ARRAY(SELECT "question_id" FROM old_rows UNION SELECT "question_id" FROM new_rows),
            ARRAY(SELECT "doctor_id" FROM old_rows UNION SELECT "doctor_id" FROM new_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "answer_counts_insert" AFTER INSERT ON "answer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "answer_counts_trigger"();
CREATE TRIGGER "answer_counts_update" AFTER UPDATE ON "answer"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "answer_counts_trigger"();
CREATE TRIGGER "answer_counts_delete" AFTER DELETE ON "answer"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "answer_counts_trigger"();

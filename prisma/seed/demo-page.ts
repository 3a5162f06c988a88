/**
 * The demo data: one real question page of a medical Q&A site
 * (shared/seed-pages/scalp-micropigmentation-question.txt), transcribed faithfully.
 *
 * - Bodies are kept exactly as written on the page, typos included ("6 pounds"), and so are the
 *   non-breaking spaces (\u00a0) the page has between some words; only the whitespace at the
 *   start and end of each line is trimmed.
 * - Times are India Standard Time (+05:30), as shown on the page.
 * - Experience is stored as the career start year: 2026 − "N years of experience", so the
 *   page's numbers are exactly right in 2026 and keep growing afterwards.
 * - The page shows no profile picture URLs and no cities, so those are null.
 * - Blog posts and topics are not on the page text ("Relevant Blogs" is cut off): they are
 *   realistic additions so that "relevant blogs" (shared topics) can be demonstrated, with
 *   two posts on an unrelated topic (dental care) that must not show up as relevant.
 */

export interface DemoSpecialty {
  slug: string;
  name: string;
}

export interface DemoDoctor {
  slug: string;
  name: string;
  /** Slug of a DemoSpecialty, or null: two doctors on the page show no specialty. */
  specialtySlug: string | null;
  /** As shown on the page ("23 years of experience"); careerStartYear = 2026 − this. */
  yearsOfExperienceIn2026: number;
  careerStartYear: number;
  country: string;
  city: string | null;
  verified: boolean;
  profilePictureUrl: string | null;
}

export interface DemoStaffMember {
  name: string;
  email: string;
}

export interface DemoTopic {
  slug: string;
  name: string;
}

export interface DemoBlogPost {
  slug: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: Date;
  topicSlugs: readonly string[];
}

export type DemoAuthor = { kind: 'doctor'; doctorSlug: string } | { kind: 'staff'; email: string };

export interface DemoAnswerEdit {
  editorEmail: string;
  editedAt: Date;
  /**
   * The page shows only that the answer was edited, and when; not what it said before. The
   * edit row keeps the body as shown, rather than inventing an earlier draft.
   */
  previousBody: string;
}

export interface DemoAnswer {
  author: DemoAuthor;
  body: string;
  answeredAt: Date;
  lastEditedAt: Date | null;
  edits: readonly DemoAnswerEdit[];
}

export interface DemoQuestion {
  slug: string;
  title: string;
  body: string;
  askedAt: Date;
  topicSlugs: readonly string[];
  /** Newest first, as on the page (the staff answer is listed last there). */
  answers: readonly DemoAnswer[];
}

/** The year the page's "N years of experience" is read in. */
export const EXPERIENCE_REFERENCE_YEAR = 2026;

export const DEMO_SPECIALTIES: readonly DemoSpecialty[] = [
  { slug: 'plastic-surgeon', name: 'Plastic Surgeon' },
  { slug: 'unani-dermatologist', name: 'Unani Dermatologist' },
];

function doctor(slug: string, name: string, specialtySlug: string | null, yearsOfExperienceIn2026: number): DemoDoctor {
  return {
    slug,
    name,
    specialtySlug,
    yearsOfExperienceIn2026,
    careerStartYear: EXPERIENCE_REFERENCE_YEAR - yearsOfExperienceIn2026,
    country: 'India',
    city: null,
    verified: true,
    profilePictureUrl: null,
  };
}

export const DEMO_DOCTORS: readonly DemoDoctor[] = [
  doctor('harish-kumar-kabilan', 'Dr. Harish Kumar Kabilan', 'plastic-surgeon', 23),
  doctor('izharul-hasan', 'Dr. Izharul Hasan', 'unani-dermatologist', 16),
  doctor('archit-aggarwal', 'Dr. Archit Aggarwal', null, 9),
  doctor('raajshri-gupta', 'Dr. Raajshri Gupta', null, 8),
];

export const DEMO_STAFF_MEMBERS: readonly DemoStaffMember[] = [
  { name: 'Shweta Kumari', email: 'shweta.kumari@clinicspots.example' },
];

export const DEMO_TOPICS: readonly DemoTopic[] = [
  { slug: 'scalp-micropigmentation', name: 'Scalp micropigmentation' },
  { slug: 'hair-treatments', name: 'Hair treatments' },
  { slug: 'cosmetic-procedures', name: 'Cosmetic procedures' },
  { slug: 'dental-care', name: 'Dental care' },
];

export const DEMO_BLOG_POSTS: readonly DemoBlogPost[] = [
  {
    slug: 'scalp-micropigmentation-procedure-cost-results',
    title: 'Scalp Micropigmentation: Procedure, Cost and Results',
    summary:
      'How scalp micropigmentation works, how many sessions it takes, what it costs in India and how long the pigment lasts before a touch-up.',
    url: 'https://www.clinicspots.com/blog/scalp-micropigmentation-procedure-cost-results',
    publishedAt: new Date('2022-07-14T10:30:00+05:30'),
    topicSlugs: ['scalp-micropigmentation', 'hair-treatments', 'cosmetic-procedures'],
  },
  {
    slug: 'scalp-micropigmentation-vs-hair-transplant',
    title: 'Scalp Micropigmentation vs Hair Transplant: Which Is Right for You?',
    summary:
      'A side-by-side look at scalp micropigmentation and FUE hair transplant: results, recovery, maintenance and cost.',
    url: 'https://www.clinicspots.com/blog/scalp-micropigmentation-vs-hair-transplant',
    publishedAt: new Date('2022-11-03T09:00:00+05:30'),
    topicSlugs: ['scalp-micropigmentation', 'hair-treatments'],
  },
  {
    slug: 'hair-transplant-cost-in-india',
    title: 'Hair Transplant Cost in India (2023)',
    summary:
      'What decides the price of a hair transplant in India: technique (FUE or FUT), number of grafts, the surgeon and the city.',
    url: 'https://www.clinicspots.com/blog/hair-transplant-cost-in-india',
    publishedAt: new Date('2023-02-20T11:15:00+05:30'),
    topicSlugs: ['hair-treatments', 'cosmetic-procedures'],
  },
  {
    slug: 'permanent-makeup-types-risks-aftercare',
    title: 'Permanent Makeup: Types, Risks and Aftercare',
    summary:
      'Microblading, lip blush, eyeliner tattoo and scalp pigmentation: how long cosmetic pigments last and how to care for them.',
    url: 'https://www.clinicspots.com/blog/permanent-makeup-types-risks-aftercare',
    publishedAt: new Date('2023-05-08T16:45:00+05:30'),
    topicSlugs: ['cosmetic-procedures', 'scalp-micropigmentation'],
  },
  {
    slug: 'dental-implants-cost-in-india',
    title: 'Dental Implants Cost in India',
    summary:
      'Single-tooth implants, All-on-4 and implant-supported bridges: prices, materials and how long the treatment takes.',
    url: 'https://www.clinicspots.com/blog/dental-implants-cost-in-india',
    publishedAt: new Date('2022-10-12T12:00:00+05:30'),
    topicSlugs: ['dental-care'],
  },
  {
    slug: 'root-canal-treatment-procedure-recovery',
    title: 'Root Canal Treatment: Procedure and Recovery',
    summary:
      'What happens during a root canal, whether it hurts, how many sittings it needs and when a crown is required.',
    url: 'https://www.clinicspots.com/blog/root-canal-treatment-procedure-recovery',
    publishedAt: new Date('2023-08-29T10:00:00+05:30'),
    topicSlugs: ['dental-care'],
  },
];

const STAFF_EDITED_AT = new Date('2022-09-28T17:28:00+05:30');
const STAFF_BODY = [
  '• No, micro scalp pigmentation is a semi-permanent treatment lasting around 4-5 years and begins to lighten.',
  "• It falls under the permanent makeup category, which means that your treatment stays for an extended period, but isn't permanent.",
  '• The pigments used in this surgery are permanent cosmetic pigments that resist fading or color change.',
  '',
  'For more information, you can contact us, or connect with surgeons listed in India and Turkey specific pages.',
].join('\n');

export const DEMO_QUESTION: DemoQuestion = {
  slug: 'is-scalp-micropigmentation-permanent',
  title: 'Is scalp micropigmentation permanent?',
  body: 'Is scalp micropigmentation permanent?',
  askedAt: new Date('2022-09-02T16:18:00+05:30'),
  topicSlugs: ['scalp-micropigmentation', 'hair-treatments', 'cosmetic-procedures'],
  answers: [
    {
      author: { kind: 'doctor', doctorSlug: 'harish-kumar-kabilan' },
      body: [
        "Scalp micropigmentation is considered a permanent treatment. The treatment can last for\u00a0up to 6 years or more\u00a0depending on how the procedure was performed and how it's taken care of in the following years. Micropigmentation can usually start to lighten after 4 to 6 years, requiring a touchup.",
        '',
        'Visit\u00a0for further queries.',
      ].join('\n'),
      answeredAt: new Date('2022-11-21T08:05:00+05:30'),
      lastEditedAt: null,
      edits: [],
    },
    {
      author: { kind: 'doctor', doctorSlug: 'izharul-hasan' },
      body: "it's permanent cosmetic treatment.",
      answeredAt: new Date('2022-11-17T02:16:00+05:30'),
      lastEditedAt: null,
      edits: [],
    },
    {
      author: { kind: 'doctor', doctorSlug: 'archit-aggarwal' },
      body: 'scalp micro pigmentation is deposition of ink particularly black ink that is deposited in the upper layers like dermal layers and this causes the pigmentation at the site of the position of the colour but gradually this leaches or fades out from the skin and the procedure has to be repeated after a gap of 6 pounds to 1 and 1/2 years',
      answeredAt: new Date('2022-09-12T10:38:00+05:30'),
      lastEditedAt: null,
      edits: [],
    },
    {
      author: { kind: 'doctor', doctorSlug: 'raajshri-gupta' },
      body: 'No scalp micropigmentation is a semi permanent technique which lasts for a few months. As the pigment is deposited on the upper layers of skin, with time this layer gets naturally removed. So the procedure needs to be repeated.',
      answeredAt: new Date('2022-09-06T07:28:00+05:30'),
      lastEditedAt: null,
      edits: [],
    },
    {
      author: { kind: 'staff', email: 'shweta.kumari@clinicspots.example' },
      body: STAFF_BODY,
      // The page shows only "Last edited on 28th Sep 2022 at 5:28 pm": that is the answer's time.
      answeredAt: STAFF_EDITED_AT,
      lastEditedAt: STAFF_EDITED_AT,
      edits: [
        {
          editorEmail: 'shweta.kumari@clinicspots.example',
          editedAt: STAFF_EDITED_AT,
          previousBody: STAFF_BODY,
        },
      ],
    },
  ],
};

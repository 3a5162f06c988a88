/**
 * Medically coherent text templates: a question, its answers and related blog posts all talk about
 * one Subject (a topic's treatment and condition in a city). No library writes these.
 */
import type { Random } from '../random';
import { COUNTRIES, type CountryVocabulary, pickCountry } from './countries';
import { TOPICS, type TopicVocabulary } from './topics';
import { capitalise, withArticle } from './words';

const PEOPLE = ['man', 'woman', 'male', 'female', 'college student', 'working professional', 'mother of two'];
const RELATIVES = ['mother', 'father', 'wife', 'husband', 'son', 'daughter', 'grandmother', 'brother', 'sister'];
const DURATIONS = ['two weeks', 'a month', 'three months', 'six months', 'a year', 'two years', 'five years'];
const TESTS = ['blood test', 'MRI', 'ultrasound', 'CT scan', 'X-ray', 'thyroid profile', 'HbA1c test', 'biopsy'];

export interface Subject {
  topic: TopicVocabulary;
  treatment: string;
  otherTreatment: string;
  condition: string;
  country: CountryVocabulary;
  city: string;
}

export function pickSubject(r: Random, topicIndex: number): Subject {
  const t = TOPICS[topicIndex] as TopicVocabulary;
  const treatment = r.pick(t.treatments);
  const country = pickCountry(r);
  return {
    topic: t,
    treatment,
    otherTreatment: r.pickOther(t.treatments, treatment),
    condition: r.pick(t.conditions),
    country,
    city: r.pick(country.cities),
  };
}

const TITLES: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `Is ${s.treatment} permanent?`,
  (s) => `How much does ${s.treatment} cost in ${s.city}?`,
  (s) => `What is the recovery time after ${s.treatment}?`,
  (s) => `Is ${s.treatment} painful?`,
  (s) => `What are the side effects of ${s.treatment}?`,
  (s) => `How many sessions of ${s.treatment} are needed for ${s.condition}?`,
  (s) => `Can ${s.condition} be treated without surgery?`,
  (s) => `Which doctor should I consult for ${s.condition}?`,
  (s, r) => `Is ${s.treatment} safe at the age of ${r.between(18, 75)}?`,
  (s) => `Can ${s.condition} come back after ${s.treatment}?`,
  (s) => `What is the success rate of ${s.treatment}?`,
  (s) => `Which is better for ${s.condition}: ${s.treatment} or ${s.otherTreatment}?`,
  (s) => `How long do the results of ${s.treatment} last?`,
  (s) => `What should I avoid after ${s.treatment}?`,
  (s) => `Is ${s.condition} hereditary?`,
  (s) => `What are the early signs of ${s.condition}?`,
  (s) => `Can ${s.condition} be cured completely?`,
  (s) => `Should I go to ${s.country.name} for ${s.treatment}?`,
  (s) => `Can I travel by air after ${s.treatment}?`,
  (s) => `Is ${s.treatment} recommended for ${s.condition}?`,
];

const INTROS: readonly ((s: Subject, r: Random) => string)[] = [
  (_s, r) => `I am a ${r.between(20, 69)}-year-old ${r.pick(PEOPLE)}.`,
  (s, r) => `I have had ${s.condition} for ${r.pick(DURATIONS)}.`,
  (s, r) => `My ${r.pick(RELATIVES)} (${r.between(8, 80)}) has been diagnosed with ${s.condition}.`,
  (s, r) => `I have been suffering from ${s.condition} for the last ${r.pick(DURATIONS)}.`,
  (s, r) => `I am ${r.between(20, 65)} and live in ${s.city}.`,
];

const CONTEXTS: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `My doctor has suggested ${s.treatment}.`,
  () => 'I have tried medicines but nothing has worked so far.',
  (s) => `I am planning to get ${s.treatment} done in ${s.city}.`,
  (s) => `I have read mixed opinions online about ${s.treatment}.`,
  (s, r) => `I also had a ${r.pick(TESTS)} last month and the report says ${s.condition}.`,
  (s) => `A friend had ${s.otherTreatment} and was happy with it.`,
  () => 'I am worried about the cost and the time off work.',
];

const CLOSINGS = ['Please advise.', 'What are my options?', 'Any suggestions would be helpful.', 'Thank you.', ''];

export function questionText(r: Random, s: Subject): { title: string; body: string } {
  const title = capitalise(r.pick(TITLES)(s, r));
  // Like the demo page, some askers write only the question itself.
  if (r.chance(0.1)) return { title, body: title };
  const parts = [r.pick(INTROS)(s, r), r.pick(CONTEXTS)(s, r)];
  if (r.chance(0.4)) parts.push(r.pick(CONTEXTS)(s, r));
  parts.push(title, r.pick(CLOSINGS));
  return { title, body: parts.filter(Boolean).join(' ') };
}

const ANSWER_OPENINGS: readonly ((s: Subject, r: Random) => string)[] = [
  (s) =>
    `${capitalise(s.treatment)} is a safe and effective option for ${s.condition} when it is done by an experienced specialist.`,
  (s) => `It depends on the severity of your ${s.condition}.`,
  (s) => `Yes, ${s.treatment} is commonly done for ${s.condition}.`,
  () => 'No, not always.',
  (s) => `In most cases ${s.condition} can be managed with medicines and lifestyle changes.`,
  (s) => `${capitalise(s.condition)} is very common and treatable, so please do not worry.`,
  (s) => `${capitalise(s.treatment)} gives good results, but it is not the only option.`,
];

const ANSWER_DETAILS: readonly ((s: Subject, r: Random) => string)[] = [
  (_s, r) => `Recovery usually takes ${r.between(1, 3)} to ${r.between(4, 8)} weeks.`,
  (s, r) => `Most patients need ${r.between(1, 3)} to ${r.between(4, 8)} sessions of ${s.treatment}.`,
  (s, r) =>
    `The cost of ${s.treatment} in ${s.city} is around ${s.country.cost(r)}, depending on the hospital and the surgeon.`,
  () => 'You may have mild swelling and discomfort for a few days.',
  (_s, r) => `Avoid heavy exercise, smoking and alcohol for at least ${r.between(2, 6)} weeks.`,
  (_s, r) => `Results are usually visible after ${r.between(2, 6)} months.`,
  (s, r) => `Get a ${r.pick(TESTS)} done before deciding on ${s.treatment}.`,
  (s) => `You could also consider ${s.otherTreatment} instead of ${s.treatment}.`,
  (s) => `${capitalise(s.condition)} can come back if the underlying cause is not treated.`,
  () => 'Follow the post-procedure instructions carefully and keep your follow-up appointments.',
];

const ANSWER_CLOSINGS: readonly ((s: Subject) => string)[] = [
  (s) => `Please consult ${withArticle(specialist(s))} for a proper examination.`,
  () => 'Feel free to contact me for further queries.',
  () => 'Visit for further queries.',
  () => 'Take care.',
  () => '',
];

export function doctorAnswerText(r: Random, s: Subject): string {
  const parts = [r.pick(ANSWER_OPENINGS)(s, r)];
  const details = r.between(0, 3);
  const used = new Set<number>();
  for (let i = 0; i < details; i++) {
    const k = r.int(ANSWER_DETAILS.length);
    if (used.has(k)) continue;
    used.add(k);
    parts.push((ANSWER_DETAILS[k] as (s: Subject, r: Random) => string)(s, r));
  }
  const closing = r.pick(ANSWER_CLOSINGS)(s);
  const body = parts.join(' ');
  // Some doctors write in lower case without much punctuation, as on the demo page.
  const text = r.chance(0.08) ? body.toLowerCase().replace(/\.$/, '') : body;
  return closing ? `${text}\n\n${closing}` : text;
}

export function staffAnswerText(r: Random, s: Subject): string {
  const bullets = [`• ${capitalise(s.treatment)} is one of the most requested options for ${s.condition}.`];
  const first = r.int(ANSWER_DETAILS.length);
  const second = (first + 1 + r.int(ANSWER_DETAILS.length - 1)) % ANSWER_DETAILS.length;
  for (const k of [first, second]) bullets.push(`• ${(ANSWER_DETAILS[k] as (s: Subject, r: Random) => string)(s, r)}`);
  const other = r.pickOther(COUNTRIES, s.country);
  return `${bullets.join('\n')}\n\nFor more information, you can contact us, or connect with ${specialist(s)}s listed in ${s.country.name} and ${other.name} specific pages.`;
}

export const BLOG_TITLES: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `${s.treatment} Cost in ${s.country.name}: A Complete Guide`,
  (s) => `${s.treatment}: Procedure, Recovery and Results`,
  (s, r) => `${r.between(5, 12)} Things to Know Before ${s.treatment}`,
  (s) => `${s.condition}: Causes, Symptoms and Treatment`,
  (s) => `Best Hospitals for ${s.treatment} in ${s.city}`,
  (s) => `${s.treatment} vs ${s.otherTreatment}: Which Is Better?`,
  (s) => `How to Prepare for ${s.treatment}`,
  (s) => `Living with ${s.condition}: Tips from Doctors`,
];

export const BLOG_SUMMARIES: readonly ((s: Subject, r: Random) => string)[] = [
  (s) =>
    `Everything patients ask about ${s.treatment}: who needs it, how it is done, the risks and what recovery looks like.`,
  (s, r) =>
    `What ${s.treatment} costs in ${s.city} (about ${s.country.cost(r)}), what the price includes and how to choose a hospital.`,
  (s) =>
    `The causes and early signs of ${s.condition}, the tests doctors use and the treatments that work, from medicines to ${s.treatment}.`,
  (s) => `Doctors answer the most common questions about ${s.condition} and ${s.treatment}.`,
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The topic's main specialty in running text: "an ENT specialist", "a plastic surgeon". */
function specialist(s: Subject): string {
  return (s.topic.specialties[0] ?? 'doctor')
    .split(' ')
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

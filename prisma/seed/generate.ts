/**
 * A fast, deterministic generator of realistic data sets (thousands of doctors, 100k+ questions
 * and answers) for benchmarks and load tests.
 *
 * Speed: it talks to PostgreSQL with `pg` directly, inserting 5,000 rows per statement with
 * `INSERT … SELECT FROM unnest($1::int[], $2::text[], …)` (one statement, one round trip, a handful
 * of parameters whatever the row count), one transaction per batch, the next batch being built
 * while PostgreSQL writes the previous one. Ids are reserved up front with nextval() on the
 * tables' own sequences, so child rows (topic links, answers, edits) refer to their parents
 * without reading anything back, and concurrent writers are never hurt. Answers go in batches of
 * all the answers of 5,000 questions (~30,000 rows): the answer-count triggers (kept, so the
 * counters are exactly what the app's own writes would give) are statement-level, and their cost
 * is one refresh per touched question and per touched doctor per statement, and a doctor's
 * refresh recounts all of that doctor's answers. Measured on this machine (PostgreSQL 15, 2 cores):
 * 10,000 questions ≈ 100k rows in ~3.3 s, 100,000 questions ≈ 980k rows in ~36 s (~28k rows/s).
 *
 * Appending, not refusing: every run adds new doctors, blog posts, askers, questions and
 * answers next to whatever is there (the demo page included). Their slugs end in the row's own
 * id, so they are unique across runs. The shared vocabulary (specialties, topics, staff
 * members) is upserted by slug/email and reused.
 *
 * Determinism: the same seed gives the same titles, bodies, names, counts and times relative
 * to `now` (pass `now` to pin the times too). Each kind of data draws from its own random
 * stream, so e.g. a different number of doctors does not change the questions' texts.
 */
import pg from 'pg';
import type { Logger } from '../../src/logger';

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/**
 * Math.random() cannot be seeded, and a reproducible data set is the whole point here (the same
 * seed must give the same benchmark data on every machine and Node version). sfc32 is a small,
 * fast, well-tested 32-bit generator (passes PractRand); splitmix32 spreads the seed and the
 * stream number over its 128-bit state.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let s = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Skewed towards the start of the list: the first items are picked far more often. */
  pickSkewed<T>(items: readonly T[], power = 2): T {
    return items[Math.floor(items.length * this.next() ** power)] as T;
  }

  /** An item other than `not` when the list allows it. */
  pickOther<T>(items: readonly T[], not: T): T {
    if (items.length < 2) return this.pick(items);
    for (;;) {
      const item = this.pick(items);
      if (item !== not) return item;
    }
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** Specialty names as the site shows them; weight = how common doctors of it are. */
const SPECIALTIES: readonly (readonly [name: string, weight: number])[] = [
  ['General Physician', 5], ['Dermatologist', 4], ['Dentist', 4], ['Gynecologist', 4],
  ['Orthopedic Surgeon', 3], ['Pediatrician', 3], ['Cardiologist', 3], ['Plastic Surgeon', 2],
  ['Cosmetologist', 2], ['Trichologist', 1], ['Hair Transplant Surgeon', 2], ['Unani Dermatologist', 1],
  ['ENT Specialist', 2], ['Ophthalmologist', 2], ['Urologist', 2], ['Nephrologist', 1],
  ['Gastroenterologist', 2], ['General Surgeon', 3], ['Laparoscopic Surgeon', 2], ['Bariatric Surgeon', 1],
  ['Neurologist', 2], ['Neurosurgeon', 1], ['Spine Surgeon', 1], ['Oncologist', 2],
  ['Psychiatrist', 2], ['Psychologist', 2], ['Endocrinologist', 1], ['Diabetologist', 2],
  ['Pulmonologist', 1], ['Rheumatologist', 1], ['IVF Specialist', 2], ['Obstetrician', 2],
  ['Physiotherapist', 3], ['Ayurveda Practitioner', 2], ['Homeopath', 2], ['Sexologist', 1],
  ['Dietitian', 2], ['Vascular Surgeon', 1], ['Hematologist', 1], ['Orthodontist', 1],
  ['Cardiothoracic Surgeon', 1], ['Internal Medicine Specialist', 2],
];

interface TopicVocabulary {
  slug: string;
  name: string;
  /** Topics of a group are often asked about together. */
  group: string;
  treatments: readonly string[];
  conditions: readonly string[];
  specialties: readonly string[];
}

function topic(
  slug: string,
  name: string,
  group: string,
  treatments: string[],
  conditions: string[],
  specialties: string[],
): TopicVocabulary {
  return { slug, name, group, treatments, conditions, specialties };
}

/** ~60 health topics; the demo page's four (same slugs and names) are among them. */
const TOPICS: readonly TopicVocabulary[] = [
  topic('scalp-micropigmentation', 'Scalp micropigmentation', 'hair',
    ['scalp micropigmentation', 'SMP touch-up session', 'hairline tattoo'],
    ['receding hairline', 'thinning crown', 'scar on the scalp'],
    ['Cosmetologist', 'Dermatologist', 'Trichologist']),
  topic('hair-treatments', 'Hair treatments', 'hair',
    ['FUE hair transplant', 'PRP therapy', 'minoxidil treatment', 'beard transplant'],
    ['hair fall', 'male pattern baldness', 'alopecia areata', 'dandruff'],
    ['Hair Transplant Surgeon', 'Trichologist', 'Dermatologist', 'Plastic Surgeon']),
  topic('cosmetic-procedures', 'Cosmetic procedures', 'cosmetic',
    ['Botox injections', 'dermal fillers', 'microblading', 'permanent makeup'],
    ['wrinkles', 'fine lines', 'sagging skin'],
    ['Cosmetologist', 'Plastic Surgeon', 'Dermatologist']),
  topic('dental-care', 'Dental care', 'dental',
    ['root canal treatment', 'teeth scaling', 'tooth extraction', 'dental crown'],
    ['tooth decay', 'bleeding gums', 'tooth sensitivity', 'bad breath'],
    ['Dentist']),
  topic('dental-implants', 'Dental implants', 'dental',
    ['dental implants', 'All-on-4 implants', 'implant-supported bridge'],
    ['missing teeth', 'loose dentures', 'bone loss in the jaw'],
    ['Dentist']),
  topic('orthodontics', 'Braces and aligners', 'dental',
    ['metal braces', 'clear aligners', 'lingual braces'],
    ['crooked teeth', 'gap between teeth', 'overbite'],
    ['Orthodontist', 'Dentist']),
  topic('acne-treatment', 'Acne and acne scars', 'skin',
    ['chemical peel', 'laser resurfacing', 'microneedling', 'isotretinoin course'],
    ['acne', 'acne scars', 'pimples', 'open pores'],
    ['Dermatologist', 'Cosmetologist']),
  topic('skin-care', 'Skin care', 'skin',
    ['HydraFacial', 'skin brightening treatment', 'glutathione injections'],
    ['pigmentation', 'melasma', 'dark circles', 'dull skin'],
    ['Dermatologist', 'Cosmetologist']),
  topic('laser-treatments', 'Laser treatments', 'skin',
    ['laser hair removal', 'Q-switched laser', 'fractional CO2 laser'],
    ['unwanted facial hair', 'tattoo regret', 'sun spots'],
    ['Dermatologist', 'Cosmetologist']),
  topic('vitiligo', 'Vitiligo', 'skin',
    ['phototherapy', 'skin grafting for vitiligo', 'melanocyte transplant'],
    ['vitiligo', 'white patches on the skin', 'leucoderma'],
    ['Dermatologist', 'Homeopath', 'Ayurveda Practitioner']),
  topic('psoriasis-and-eczema', 'Psoriasis and eczema', 'skin',
    ['biologic therapy', 'steroid creams', 'narrowband UVB'],
    ['psoriasis', 'eczema', 'itchy skin', 'scalp psoriasis'],
    ['Dermatologist', 'Unani Dermatologist', 'Homeopath']),
  topic('rhinoplasty', 'Nose surgery', 'cosmetic',
    ['rhinoplasty', 'septoplasty', 'non-surgical nose job'],
    ['deviated septum', 'nasal hump', 'breathing difficulty through the nose'],
    ['Plastic Surgeon', 'ENT Specialist']),
  topic('breast-surgery', 'Breast surgery', 'cosmetic',
    ['breast augmentation', 'breast reduction', 'gynecomastia surgery'],
    ['gynecomastia', 'breast asymmetry', 'heavy breasts causing back pain'],
    ['Plastic Surgeon', 'General Surgeon']),
  topic('body-contouring', 'Liposuction and body contouring', 'cosmetic',
    ['liposuction', 'tummy tuck', 'CoolSculpting', 'mommy makeover'],
    ['stubborn belly fat', 'loose skin after pregnancy', 'love handles'],
    ['Plastic Surgeon', 'Cosmetologist']),
  topic('weight-loss-surgery', 'Weight loss surgery', 'weight',
    ['gastric sleeve surgery', 'gastric bypass', 'intragastric balloon'],
    ['morbid obesity', 'obesity', 'weight regain after dieting'],
    ['Bariatric Surgeon', 'Laparoscopic Surgeon']),
  topic('nutrition-and-diet', 'Nutrition and diet', 'weight',
    ['diet plan', 'intermittent fasting', 'keto diet'],
    ['vitamin D deficiency', 'iron deficiency anaemia', 'being underweight'],
    ['Dietitian', 'General Physician']),
  topic('diabetes', 'Diabetes', 'metabolic',
    ['insulin therapy', 'metformin', 'continuous glucose monitoring'],
    ['type 2 diabetes', 'high blood sugar', 'prediabetes', 'diabetic neuropathy'],
    ['Diabetologist', 'Endocrinologist', 'General Physician']),
  topic('thyroid-disorders', 'Thyroid disorders', 'metabolic',
    ['thyroxine tablets', 'radioactive iodine therapy', 'thyroidectomy'],
    ['hypothyroidism', 'hyperthyroidism', 'thyroid nodule', 'goitre'],
    ['Endocrinologist', 'General Physician']),
  topic('heart-disease', 'Heart disease', 'heart',
    ['angioplasty', 'bypass surgery', 'stent placement', 'angiography'],
    ['blocked arteries', 'chest pain', 'heart attack', 'irregular heartbeat'],
    ['Cardiologist', 'Cardiothoracic Surgeon']),
  topic('hypertension', 'High blood pressure', 'heart',
    ['blood pressure medicines', 'low-salt diet', 'ambulatory BP monitoring'],
    ['high blood pressure', 'hypertension', 'dizziness'],
    ['Cardiologist', 'General Physician', 'Internal Medicine Specialist']),
  topic('varicose-veins', 'Varicose veins', 'heart',
    ['endovenous laser ablation', 'sclerotherapy', 'compression stockings'],
    ['varicose veins', 'spider veins', 'leg swelling'],
    ['Vascular Surgeon']),
  topic('knee-replacement', 'Knee replacement', 'bones',
    ['total knee replacement', 'partial knee replacement', 'robotic knee surgery'],
    ['knee osteoarthritis', 'knee pain', 'stiff knees'],
    ['Orthopedic Surgeon']),
  topic('hip-replacement', 'Hip replacement', 'bones',
    ['total hip replacement', 'hip resurfacing'],
    ['hip arthritis', 'avascular necrosis of the hip', 'hip pain'],
    ['Orthopedic Surgeon']),
  topic('spine-surgery', 'Spine surgery', 'bones',
    ['microdiscectomy', 'spinal fusion', 'endoscopic spine surgery'],
    ['slipped disc', 'sciatica', 'lower back pain', 'spinal stenosis'],
    ['Spine Surgeon', 'Neurosurgeon', 'Orthopedic Surgeon']),
  topic('sports-injuries', 'Sports injuries', 'bones',
    ['ACL reconstruction', 'arthroscopy', 'rotator cuff repair'],
    ['ACL tear', 'ligament injury', 'shoulder dislocation', 'tennis elbow'],
    ['Orthopedic Surgeon', 'Physiotherapist']),
  topic('arthritis', 'Arthritis and joint pain', 'bones',
    ['joint injections', 'physiotherapy', 'disease-modifying drugs'],
    ['rheumatoid arthritis', 'gout', 'joint pain', 'ankylosing spondylitis'],
    ['Rheumatologist', 'Orthopedic Surgeon']),
  topic('physiotherapy', 'Physiotherapy', 'bones',
    ['physiotherapy sessions', 'dry needling', 'traction'],
    ['frozen shoulder', 'neck pain', 'muscle stiffness'],
    ['Physiotherapist']),
  topic('ivf-and-fertility', 'IVF and fertility', 'women',
    ['IVF', 'IUI', 'egg freezing', 'ICSI'],
    ['infertility', 'low AMH', 'low sperm count', 'repeated miscarriage'],
    ['IVF Specialist', 'Gynecologist']),
  topic('pregnancy', 'Pregnancy', 'women',
    ['normal delivery', 'C-section', 'anomaly scan'],
    ['morning sickness', 'gestational diabetes', 'bleeding in pregnancy'],
    ['Obstetrician', 'Gynecologist']),
  topic('pcos', 'PCOS', 'women',
    ['hormonal treatment', 'ovarian drilling', 'lifestyle changes'],
    ['PCOS', 'irregular periods', 'ovarian cysts'],
    ['Gynecologist', 'Endocrinologist']),
  topic('womens-health', "Women's health", 'women',
    ['hysterectomy', 'fibroid removal', 'pap smear'],
    ['uterine fibroids', 'endometriosis', 'heavy periods', 'white discharge'],
    ['Gynecologist']),
  topic('menopause', 'Menopause', 'women',
    ['hormone replacement therapy', 'calcium supplements'],
    ['hot flashes', 'early menopause', 'osteoporosis'],
    ['Gynecologist', 'Endocrinologist']),
  topic('child-health', 'Child health', 'children',
    ['growth monitoring', 'nebulisation', 'deworming'],
    ['fever in children', 'delayed speech', 'low weight gain in babies'],
    ['Pediatrician']),
  topic('vaccination', 'Vaccination', 'children',
    ['HPV vaccine', 'flu vaccine', 'hepatitis B vaccine'],
    ['missed vaccine dose', 'fever after vaccination'],
    ['Pediatrician', 'General Physician']),
  topic('cataract-surgery', 'Cataract surgery', 'eyes',
    ['phaco cataract surgery', 'multifocal lens implant', 'femtosecond laser cataract surgery'],
    ['cataract', 'blurred vision', 'glare at night'],
    ['Ophthalmologist']),
  topic('lasik', 'LASIK and vision correction', 'eyes',
    ['LASIK', 'SMILE surgery', 'ICL implant'],
    ['myopia', 'astigmatism', 'high spectacle power'],
    ['Ophthalmologist']),
  topic('ent', 'Ear, nose and throat', 'ent',
    ['tonsillectomy', 'sinus surgery', 'adenoidectomy'],
    ['sinusitis', 'tonsillitis', 'nasal polyps', 'snoring'],
    ['ENT Specialist']),
  topic('hearing-loss', 'Hearing loss', 'ent',
    ['cochlear implant', 'hearing aids', 'tympanoplasty'],
    ['hearing loss', 'tinnitus', 'ear infection'],
    ['ENT Specialist']),
  topic('kidney-stones', 'Kidney stones', 'kidney',
    ['lithotripsy', 'RIRS', 'PCNL'],
    ['kidney stones', 'ureteric stone', 'blood in urine'],
    ['Urologist']),
  topic('kidney-disease', 'Kidney disease', 'kidney',
    ['dialysis', 'kidney transplant'],
    ['chronic kidney disease', 'high creatinine', 'protein in urine'],
    ['Nephrologist']),
  topic('prostate-health', 'Prostate health', 'kidney',
    ['TURP', 'HoLEP', 'prostate biopsy'],
    ['enlarged prostate', 'frequent urination at night', 'high PSA'],
    ['Urologist']),
  topic('liver-disease', 'Liver disease', 'digestive',
    ['liver transplant', 'FibroScan'],
    ['fatty liver', 'hepatitis B', 'liver cirrhosis', 'jaundice'],
    ['Gastroenterologist']),
  topic('digestive-health', 'Digestive health', 'digestive',
    ['endoscopy', 'colonoscopy', 'H. pylori treatment'],
    ['acidity', 'IBS', 'constipation', 'gastritis'],
    ['Gastroenterologist', 'General Physician']),
  topic('piles-and-fistula', 'Piles and fistula', 'digestive',
    ['laser piles surgery', 'fistulotomy', 'stapler haemorrhoidectomy'],
    ['piles', 'anal fissure', 'fistula'],
    ['General Surgeon', 'Laparoscopic Surgeon']),
  topic('hernia', 'Hernia', 'digestive',
    ['laparoscopic hernia repair', 'mesh repair'],
    ['inguinal hernia', 'umbilical hernia', 'hiatal hernia'],
    ['General Surgeon', 'Laparoscopic Surgeon']),
  topic('gallbladder-stones', 'Gallbladder stones', 'digestive',
    ['laparoscopic cholecystectomy', 'ERCP'],
    ['gallstones', 'pain in the upper right abdomen'],
    ['Laparoscopic Surgeon', 'General Surgeon', 'Gastroenterologist']),
  topic('cancer-treatment', 'Cancer treatment', 'cancer',
    ['chemotherapy', 'radiation therapy', 'immunotherapy', 'targeted therapy'],
    ['lung cancer', 'colon cancer', 'oral cancer', 'lymphoma'],
    ['Oncologist']),
  topic('breast-cancer', 'Breast cancer', 'cancer',
    ['mastectomy', 'breast-conserving surgery', 'mammography'],
    ['breast lump', 'breast cancer', 'BRCA mutation'],
    ['Oncologist', 'General Surgeon']),
  topic('blood-disorders', 'Blood disorders', 'cancer',
    ['bone marrow transplant', 'blood transfusion', 'iron infusion'],
    ['thalassemia', 'low platelet count', 'leukaemia'],
    ['Hematologist']),
  topic('mental-health', 'Mental health', 'mind',
    ['cognitive behavioural therapy', 'counselling', 'antidepressants'],
    ['depression', 'anxiety', 'panic attacks', 'OCD'],
    ['Psychiatrist', 'Psychologist']),
  topic('sleep-disorders', 'Sleep disorders', 'mind',
    ['sleep study', 'CPAP therapy', 'melatonin'],
    ['insomnia', 'sleep apnoea', 'daytime sleepiness'],
    ['Pulmonologist', 'Psychiatrist', 'Neurologist']),
  topic('migraine-and-headache', 'Migraine and headache', 'brain',
    ['migraine prevention medicines', 'nerve block', 'Botox for migraine'],
    ['migraine', 'cluster headache', 'tension headache'],
    ['Neurologist']),
  topic('neurological-disorders', 'Neurological disorders', 'brain',
    ['EEG', 'deep brain stimulation', 'nerve conduction study'],
    ['epilepsy', "Parkinson's disease", 'numbness in the hands', 'vertigo'],
    ['Neurologist', 'Neurosurgeon']),
  topic('stroke', 'Stroke', 'brain',
    ['thrombolysis', 'stroke rehabilitation', 'carotid endarterectomy'],
    ['stroke', 'facial paralysis', 'weakness on one side of the body'],
    ['Neurologist', 'Physiotherapist']),
  topic('asthma-and-allergies', 'Asthma and allergies', 'lungs',
    ['inhalers', 'allergy testing', 'immunotherapy for allergies'],
    ['asthma', 'allergic rhinitis', 'dust allergy', 'wheezing'],
    ['Pulmonologist', 'ENT Specialist']),
  topic('lung-health', 'Lung health', 'lungs',
    ['pulmonary function test', 'bronchoscopy', 'pulmonary rehabilitation'],
    ['COPD', 'persistent cough', 'tuberculosis', 'breathlessness'],
    ['Pulmonologist']),
  topic('covid-19', 'COVID-19', 'lungs',
    ['RT-PCR test', 'COVID vaccination', 'post-COVID rehabilitation'],
    ['long COVID', 'loss of smell', 'post-COVID fatigue'],
    ['General Physician', 'Pulmonologist']),
  topic('sexual-health', 'Sexual health', 'intimate',
    ['counselling for couples', 'penile implant', 'hormone tests'],
    ['erectile dysfunction', 'premature ejaculation', 'low libido'],
    ['Sexologist', 'Urologist']),
  topic('ayurveda', 'Ayurveda', 'alternative',
    ['panchakarma', 'ayurvedic medicines', 'shirodhara'],
    ['chronic fatigue', 'joint stiffness', 'digestive problems'],
    ['Ayurveda Practitioner']),
  topic('homeopathy', 'Homeopathy', 'alternative',
    ['homeopathic treatment', 'constitutional remedy'],
    ['recurrent colds', 'warts', 'allergies'],
    ['Homeopath']),
  topic('medical-tourism', 'Medical tourism', 'travel',
    ['treatment abroad', 'medical visa', 'second opinion'],
    ['long waiting lists', 'high treatment costs at home'],
    ['General Physician', 'Internal Medicine Specialist']),
];

interface CountryVocabulary {
  name: string;
  weight: number;
  cities: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  cost: (r: Random) => string;
}

const rupees = (r: Random): string => `Rs ${r.between(10, 450) * 1000}`.replace(/(\d)(?=(\d{3})+$)/g, '$1,');
const dollars = (r: Random): string => `USD ${(r.between(8, 150) * 100).toLocaleString('en-US')}`;

const COUNTRIES: readonly CountryVocabulary[] = [
  {
    name: 'India', weight: 62, cost: rupees,
    cities: ['Mumbai', 'Delhi', 'Bangalore', 'Chennai', 'Hyderabad', 'Kolkata', 'Pune', 'Ahmedabad',
      'Jaipur', 'Lucknow', 'Kochi', 'Chandigarh', 'Gurgaon', 'Noida', 'Indore', 'Nagpur', 'Coimbatore', 'Bhopal'],
    firstNames: ['Aarav', 'Priya', 'Rahul', 'Anjali', 'Vikram', 'Sneha', 'Arjun', 'Kavita', 'Rohit', 'Meera',
      'Sanjay', 'Pooja', 'Amit', 'Neha', 'Rajesh', 'Sunita', 'Karan', 'Divya', 'Suresh', 'Lakshmi', 'Manish',
      'Ritu', 'Deepak', 'Swati', 'Nikhil', 'Anita', 'Harish', 'Shalini', 'Venkatesh', 'Farhan', 'Imran',
      'Ayesha', 'Gurpreet', 'Harpreet', 'Ravi', 'Shruti', 'Aditya', 'Nandini', 'Prakash', 'Sonal', 'Abhishek',
      'Madhuri', 'Vivek', 'Rekha', 'Sameer', 'Tanvi', 'Ashok', 'Jyoti', 'Naveen', 'Preeti'],
    lastNames: ['Sharma', 'Verma', 'Gupta', 'Patel', 'Reddy', 'Iyer', 'Nair', 'Menon', 'Singh', 'Kumar',
      'Agarwal', 'Mehta', 'Joshi', 'Desai', 'Kulkarni', 'Rao', 'Pillai', 'Chatterjee', 'Banerjee', 'Mukherjee',
      'Das', 'Bose', 'Khan', 'Siddiqui', 'Ansari', 'Malhotra', 'Kapoor', 'Chopra', 'Bhatia', 'Saxena',
      'Srivastava', 'Mishra', 'Tiwari', 'Pandey', 'Yadav', 'Naidu', 'Shetty', 'Hegde', 'Jain', 'Sethi'],
  },
  {
    name: 'Turkey', weight: 12, cost: dollars,
    cities: ['Istanbul', 'Ankara', 'Izmir', 'Antalya', 'Bursa'],
    firstNames: ['Mehmet', 'Ahmet', 'Mustafa', 'Emre', 'Burak', 'Elif', 'Zeynep', 'Ayşe', 'Fatma', 'Selin',
      'Can', 'Deniz', 'Murat', 'Serkan', 'Ebru', 'Kerem', 'Esra', 'Onur'],
    lastNames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan',
      'Kılıç', 'Aslan', 'Koç', 'Kurt', 'Özdemir'],
  },
  {
    name: 'United Arab Emirates', weight: 8, cost: (r) => `AED ${(r.between(5, 120) * 500).toLocaleString('en-US')}`,
    cities: ['Dubai', 'Abu Dhabi', 'Sharjah'],
    firstNames: ['Ahmed', 'Mohammed', 'Omar', 'Fatima', 'Mariam', 'Khalid', 'Hassan', 'Layla', 'Yousef',
      'Noura', 'Salma', 'Tariq', 'Anil', 'Deepa'],
    lastNames: ['Al Mansouri', 'Al Hashimi', 'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Farouk', 'Rahman',
      'Al Suwaidi', 'Menon', 'Thomas'],
  },
  {
    name: 'United Kingdom', weight: 6, cost: (r) => `£${(r.between(10, 200) * 100).toLocaleString('en-GB')}`,
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Edinburgh'],
    firstNames: ['James', 'Oliver', 'Emily', 'Sarah', 'Thomas', 'Charlotte', 'William', 'Sophie', 'Daniel',
      'Hannah', 'Priya', 'Amir'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Roberts', 'Walker',
      'Patel', 'Khan', 'Hughes'],
  },
  {
    name: 'Thailand', weight: 4, cost: dollars,
    cities: ['Bangkok', 'Phuket', 'Chiang Mai'],
    firstNames: ['Somchai', 'Siriporn', 'Niran', 'Kanya', 'Prasert', 'Malee', 'Anong', 'Chaiwat'],
    lastNames: ['Srisuk', 'Chaiyaporn', 'Wongsakul', 'Suksawat', 'Thongchai', 'Rattanakorn'],
  },
  {
    name: 'Germany', weight: 3, cost: (r) => `€${(r.between(10, 250) * 100).toLocaleString('de-DE')}`,
    cities: ['Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne'],
    firstNames: ['Lukas', 'Anna', 'Felix', 'Laura', 'Jonas', 'Julia', 'Maximilian', 'Lena'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann'],
  },
  {
    name: 'United States', weight: 3, cost: dollars,
    cities: ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Miami', 'Boston'],
    firstNames: ['Michael', 'Jennifer', 'David', 'Jessica', 'Robert', 'Ashley', 'Rajiv', 'Maria'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson', 'Shah'],
  },
  {
    name: 'South Korea', weight: 2, cost: dollars,
    cities: ['Seoul', 'Busan', 'Incheon'],
    firstNames: ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ha-eun', 'Do-yun', 'Ji-woo'],
    lastNames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
  },
];

const STAFF: readonly (readonly [name: string, email: string])[] = [
  ['Shweta Kumari', 'shweta.kumari@clinicspots.example'],
  ['Ananya Singh', 'ananya.singh@clinicspots.example'],
  ['Rohan Mehta', 'rohan.mehta@clinicspots.example'],
  ['Pallavi Joshi', 'pallavi.joshi@clinicspots.example'],
  ['Aditya Rao', 'aditya.rao@clinicspots.example'],
  ['Nisha Verma', 'nisha.verma@clinicspots.example'],
  ['Kunal Shah', 'kunal.shah@clinicspots.example'],
  ['Megha Pillai', 'megha.pillai@clinicspots.example'],
  ['Sahil Kapoor', 'sahil.kapoor@clinicspots.example'],
  ['Tanvi Deshpande', 'tanvi.deshpande@clinicspots.example'],
];

const PEOPLE = ['man', 'woman', 'male', 'female', 'college student', 'working professional', 'mother of two'];
const RELATIVES = ['mother', 'father', 'wife', 'husband', 'son', 'daughter', 'grandmother', 'brother', 'sister'];
const DURATIONS = ['two weeks', 'a month', 'three months', 'six months', 'a year', 'two years', 'five years'];
const TESTS = ['blood test', 'MRI', 'ultrasound', 'CT scan', 'X-ray', 'thyroid profile', 'HbA1c test', 'biopsy'];

// ---------------------------------------------------------------------------------------------
// Text templates
// ---------------------------------------------------------------------------------------------

interface Subject {
  topic: TopicVocabulary;
  treatment: string;
  otherTreatment: string;
  condition: string;
  country: CountryVocabulary;
  city: string;
}

function pickSubject(r: Random, topicIndex: number): Subject {
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

const COUNTRY_WEIGHT_TOTAL = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);
function pickCountry(r: Random): CountryVocabulary {
  let x = r.next() * COUNTRY_WEIGHT_TOTAL;
  for (const country of COUNTRIES) {
    x -= country.weight;
    if (x < 0) return country;
  }
  return COUNTRIES[0] as CountryVocabulary;
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

function questionText(r: Random, s: Subject): { title: string; body: string } {
  const title = capitalise(r.pick(TITLES)(s, r));
  // Like the demo page, some askers write only the question itself.
  if (r.chance(0.1)) return { title, body: title };
  const parts = [r.pick(INTROS)(s, r), r.pick(CONTEXTS)(s, r)];
  if (r.chance(0.4)) parts.push(r.pick(CONTEXTS)(s, r));
  parts.push(title, r.pick(CLOSINGS));
  return { title, body: parts.filter(Boolean).join(' ') };
}

const ANSWER_OPENINGS: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `${capitalise(s.treatment)} is a safe and effective option for ${s.condition} when it is done by an experienced specialist.`,
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
  (s, r) => `The cost of ${s.treatment} in ${s.city} is around ${s.country.cost(r)}, depending on the hospital and the surgeon.`,
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

function doctorAnswerText(r: Random, s: Subject): string {
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

function staffAnswerText(r: Random, s: Subject): string {
  const bullets = [
    `• ${capitalise(s.treatment)} is one of the most requested options for ${s.condition}.`,
  ];
  const first = r.int(ANSWER_DETAILS.length);
  const second = (first + 1 + r.int(ANSWER_DETAILS.length - 1)) % ANSWER_DETAILS.length;
  for (const k of [first, second]) bullets.push(`• ${(ANSWER_DETAILS[k] as (s: Subject, r: Random) => string)(s, r)}`);
  const other = r.pickOther(COUNTRIES, s.country);
  return `${bullets.join('\n')}\n\nFor more information, you can contact us, or connect with ${specialist(s)}s listed in ${s.country.name} and ${other.name} specific pages.`;
}

const BLOG_TITLES: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `${s.treatment} Cost in ${s.country.name}: A Complete Guide`,
  (s) => `${s.treatment}: Procedure, Recovery and Results`,
  (s, r) => `${r.between(5, 12)} Things to Know Before ${s.treatment}`,
  (s) => `${s.condition}: Causes, Symptoms and Treatment`,
  (s) => `Best Hospitals for ${s.treatment} in ${s.city}`,
  (s) => `${s.treatment} vs ${s.otherTreatment}: Which Is Better?`,
  (s) => `How to Prepare for ${s.treatment}`,
  (s) => `Living with ${s.condition}: Tips from Doctors`,
];

const BLOG_SUMMARIES: readonly ((s: Subject, r: Random) => string)[] = [
  (s) => `Everything patients ask about ${s.treatment}: who needs it, how it is done, the risks and what recovery looks like.`,
  (s, r) => `What ${s.treatment} costs in ${s.city} (about ${s.country.cost(r)}), what the price includes and how to choose a hospital.`,
  (s) => `The causes and early signs of ${s.condition}, the tests doctors use and the treatments that work, from medicines to ${s.treatment}.`,
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

function withArticle(noun: string): string {
  return `${/^[aeiouAEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'from']);
function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalise(word)))
    .join(' ');
}

/** Lower-case ASCII kebab-case ("Dr. Ayşe Yılmaz" → "dr-ayse-yilmaz"), at most ~60 characters. */
export function kebab(text: string): string {
  const slug = text
    .replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}

/** Topics of a question or post: a primary one, plus 0–2 often from the same group. */
function pickTopics(r: Random, primary: number): number[] {
  const topics = [primary];
  const extra = r.chance(0.45) ? (r.chance(0.35) ? 2 : 1) : 0;
  const group = (TOPICS[primary] as TopicVocabulary).group;
  const sameGroup = TOPIC_GROUPS.get(group) ?? [];
  for (let i = 0; i < extra; i++) {
    const pool = r.chance(0.8) && sameGroup.length > topics.length ? sameGroup : TOPIC_INDEXES;
    for (let tries = 0; tries < 5; tries++) {
      const t = r.pick(pool);
      if (!topics.includes(t)) {
        topics.push(t);
        break;
      }
    }
  }
  return topics;
}

const TOPIC_INDEXES = TOPICS.map((_, i) => i);
const TOPIC_GROUPS = new Map<string, number[]>();
TOPICS.forEach((t, i) => TOPIC_GROUPS.set(t.group, [...(TOPIC_GROUPS.get(t.group) ?? []), i]));

/** Primary topics by popularity: a fixed, seed-independent order so that hair and skin lead. */
const TOPICS_BY_POPULARITY = TOPIC_INDEXES;

const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

export type GeneratePhase = 'reference' | 'doctors' | 'blog posts' | 'askers' | 'questions' | 'answers' | 'analyze';

export interface GenerateProgress {
  phase: GeneratePhase;
  /** Rows of this phase's main table inserted so far, and how many it will insert. */
  done: number;
  total: number;
  /** All rows inserted so far, every table (links and edits included). */
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export interface GenerateOptions {
  questions: number;
  /** Default: max(2000, questions / 50). */
  doctors?: number;
  /** Default 500. */
  blogPosts?: number;
  /** Default 1. */
  seed?: number;
  logger: Logger;
  onProgress?: (progress: GenerateProgress) => void;
  /** Print a single updating progress line and a summary on stderr. Default true. */
  printProgress?: boolean;
  /** The generated times end before this instant (default: now). */
  now?: Date;
  /** Rows per INSERT statement and transaction (answers: those of this many questions). Default 5000. */
  batchSize?: number;
}

export interface GenerateSummary {
  seed: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * The number of answers a question gets: many with few, some with many, at most 30
 * (an exponential distribution with mean 7, cut at 30: mean ~6, ~13% unanswered, ~2% with 25 or more).
 */
function answerCount(r: Random): number {
  for (;;) {
    const n = Math.floor(r.exponential(7));
    if (n <= 30) return n;
  }
}

/** One batch: the rows of one transaction, as columns ready for unnest(). */
interface Batch {
  rows: number;
  statements: { sql: string; params: unknown[]; table: string; rows: number }[];
}

export async function generateData(url: string, options: GenerateOptions): Promise<GenerateSummary> {
  const questionCount = checkCount('questions', options.questions, 0);
  const doctorCount = checkCount('doctors', options.doctors ?? Math.max(2000, Math.ceil(questionCount / 50)), 1);
  const blogPostCount = checkCount('blogPosts', options.blogPosts ?? 500, 0);
  const batchSize = checkCount('batchSize', options.batchSize ?? 5000, 1);
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const log = options.logger.child({ component: 'generate' });
  const printer = options.printProgress === false ? null : new StderrProgress();

  const started = performance.now();
  const rows: Record<string, number> = {};
  let totalRows = 0;
  const report = (phase: GeneratePhase, done: number, total: number): void => {
    const elapsedMs = performance.now() - started;
    const progress: GenerateProgress = {
      phase,
      done,
      total,
      rows: totalRows,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? Math.round((totalRows * 1000) / elapsedMs) : 0,
    };
    printer?.update(progress);
    options.onProgress?.(progress);
  };

  log.info({ seed, questions: questionCount, doctors: doctorCount, blogPosts: blogPostCount }, 'generating data');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Generated data can be generated again: no need to wait for each commit's WAL flush.
    await client.query('SET synchronous_commit = off');
    const inTransaction = async <T>(run: () => Promise<T>): Promise<T> => {
      await client.query('BEGIN');
      try {
        const result = await run();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };

    /**
     * Ids for `n` new rows of `table`, taken from its own sequence (so they never collide with
     * rows written by anyone else meanwhile), in ascending order.
     */
    const reserveIds = async (table: string, n: number): Promise<Int32Array> => {
      const ids = new Int32Array(n);
      for (let start = 0; start < n; start += 100_000) {
        const chunk = Math.min(100_000, n - start);
        const result = await client.query<{ ids: number[] }>(
          `SELECT array(SELECT nextval(pg_get_serial_sequence($1, 'id'))::int FROM generate_series(1, $2::int)) AS ids`,
          [table, chunk],
        );
        ids.set(result.rows[0]?.ids ?? [], start);
      }
      return ids.sort();
    };

    /**
     * Writes a phase's batches, one transaction each. While PostgreSQL runs one batch, the next
     * is built here: generating text and sending it overlap instead of taking turns.
     */
    const writeBatches = async (
      phase: GeneratePhase,
      total: number,
      build: (start: number, n: number) => Batch,
      sizes: readonly number[] = batchSizes(total, batchSize),
    ): Promise<void> => {
      report(phase, 0, total);
      let done = 0;
      let start = 0;
      let inflight: Promise<void> = Promise.resolve();
      for (const size of sizes) {
        if (size === 0) continue;
        const batch = build(start, size);
        start += size;
        await inflight;
        inflight = inTransaction(async () => {
          for (const statement of batch.statements) await client.query(statement.sql, statement.params);
        }).then(() => {
          for (const statement of batch.statements) {
            rows[statement.table] = (rows[statement.table] ?? 0) + statement.rows;
            totalRows += statement.rows;
          }
          done += batch.rows;
          report(phase, done, total);
        });
        // Failures surface at the next await; this only keeps Node from calling them unhandled.
        inflight.catch(() => undefined);
      }
      await inflight;
    };
    const insert = (table: string, columns: string, types: string, params: unknown[], rowCount: number) => ({
      sql: `INSERT INTO ${table} (${columns}) SELECT * FROM unnest(${types
        .split(',')
        .map((type, i) => `$${i + 1}::${type.trim()}[]`)
        .join(', ')})`,
      params,
      table: table.replaceAll('"', ''),
      rows: rowCount,
    });

    // --- Shared vocabulary: upserted, reused by every run. -----------------------------------
    const referenceTotal = SPECIALTIES.length + TOPICS.length + STAFF.length;
    report('reference', 0, referenceTotal);
    const { specialtyIds, topicIds, staffIds } = await inTransaction(async () => {
      const upsert = async (table: string, sql: string, params: unknown[]): Promise<void> => {
        const inserted = await client.query(sql, params);
        rows[table] = (rows[table] ?? 0) + (inserted.rowCount ?? 0);
        totalRows += inserted.rowCount ?? 0;
      };
      const specialtyNames = SPECIALTIES.map(([name]) => name);
      const specialtySlugs = specialtyNames.map(kebab);
      await upsert(
        'specialty',
        'INSERT INTO specialty (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
        [specialtySlugs, specialtyNames],
      );
      const specialties = await client.query<{ id: number; slug: string }>(
        'SELECT id, slug FROM specialty WHERE slug = ANY($1::text[])',
        [specialtySlugs],
      );
      const specialtyBySlug = new Map(specialties.rows.map((row) => [row.slug, row.id]));

      await upsert(
        'topic',
        'INSERT INTO topic (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (slug) DO NOTHING',
        [TOPICS.map((t) => t.slug), TOPICS.map((t) => t.name)],
      );
      const topics = await client.query<{ id: number; slug: string }>(
        'SELECT id, slug FROM topic WHERE slug = ANY($1::text[])',
        [TOPICS.map((t) => t.slug)],
      );
      const topicBySlug = new Map(topics.rows.map((row) => [row.slug, row.id]));

      await upsert(
        'staff_member',
        'INSERT INTO staff_member (name, email) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (email) DO NOTHING',
        [STAFF.map(([name]) => name), STAFF.map(([, email]) => email)],
      );
      const staff = await client.query<{ id: number }>(
        'SELECT id FROM staff_member WHERE email = ANY($1::text[]) ORDER BY id',
        [STAFF.map(([, email]) => email)],
      );
      return {
        // A specialty whose name is taken under another slug is left out (doctors get none).
        specialtyIds: specialtySlugs.map((slug) => specialtyBySlug.get(slug) ?? null),
        topicIds: TOPICS.map((t) => topicBySlug.get(t.slug) as number),
        staffIds: staff.rows.map((row) => row.id),
      };
    });
    report('reference', referenceTotal, referenceTotal);

    // --- Doctors. ------------------------------------------------------------------------------
    const specialtyWeightTotal = SPECIALTIES.reduce((sum, [, weight]) => sum + weight, 0);
    const pickSpecialty = (r: Random): number => {
      let x = r.next() * specialtyWeightTotal;
      for (let i = 0; i < SPECIALTIES.length; i++) {
        x -= (SPECIALTIES[i] as readonly [string, number])[1];
        if (x < 0) return i;
      }
      return 0;
    };
    const currentYear = new Date(now).getUTCFullYear();
    /** Doctor ids by specialty name: answers prefer doctors of the question's specialties. */
    const doctorsBySpecialty = new Map<string, number[]>();
    const allDoctors: number[] = [];
    {
      const r = new Random(seed, 1);
      const doctorIds = await reserveIds('doctor', doctorCount);
      await writeBatches('doctors', doctorCount, (start, n) => {
        const ids = doctorIds.subarray(start, start + n);
        const slugs: string[] = [];
        const names: string[] = [];
        const specialties: (number | null)[] = [];
        const years: number[] = [];
        const countries: string[] = [];
        const cities: (string | null)[] = [];
        const pictures: (string | null)[] = [];
        const verified: boolean[] = [];
        for (const id of ids) {
          const country = pickCountry(r);
          const name = `Dr. ${r.pick(country.firstNames)} ${r.pick(country.lastNames)}`;
          const slug = `${kebab(name.slice('Dr. '.length))}-${id}`;
          const specialtyIndex = r.chance(0.1) ? null : pickSpecialty(r);
          const specialtyId = specialtyIndex === null ? null : (specialtyIds[specialtyIndex] ?? null);
          slugs.push(slug);
          names.push(name);
          specialties.push(specialtyId);
          // 1975–2024, recent careers being more common.
          years.push(Math.min(currentYear, 2024 - Math.floor(50 * r.next() ** 1.4)));
          countries.push(country.name);
          cities.push(r.chance(0.05) ? null : r.pick(country.cities));
          pictures.push(r.chance(0.7) ? `https://images.clinicspots.example/doctors/${slug}.jpg` : null);
          verified.push(r.chance(0.93));
          allDoctors.push(id);
          if (specialtyId !== null) {
            const specialtyName = (SPECIALTIES[specialtyIndex as number] as readonly [string, number])[0];
            const list = doctorsBySpecialty.get(specialtyName) ?? [];
            list.push(id);
            doctorsBySpecialty.set(specialtyName, list);
          }
        }
        return {
          rows: n,
          statements: [
            insert(
              'doctor',
              'id, slug, name, specialty_id, career_start_year, country, city, profile_picture_url, verified',
              'int, text, text, int, int, text, text, text, bool',
              [Array.from(ids), slugs, names, specialties, years, countries, cities, pictures, verified],
              n,
            ),
          ],
        };
      });
    }

    // --- Blog posts (1–3 topics each), published over the last four years. -----------------------
    {
      const r = new Random(seed, 2);
      const postIds = await reserveIds('blog_post', blogPostCount);
      await writeBatches('blog posts', blogPostCount, (start, n) => {
        const ids = postIds.subarray(start, start + n);
        const slugs: string[] = [];
        const titles: string[] = [];
        const summaries: string[] = [];
        const urls: string[] = [];
        const published: string[] = [];
        const linkPost: number[] = [];
        const linkTopic: number[] = [];
        for (const id of ids) {
          const primary = r.pickSkewed(TOPICS_BY_POPULARITY, 1.3);
          const s = pickSubject(r, primary);
          const title = titleCase(r.pick(BLOG_TITLES)(s, r));
          const slug = `${kebab(title)}-${id}`;
          slugs.push(slug);
          titles.push(title);
          summaries.push(r.pick(BLOG_SUMMARIES)(s, r));
          urls.push(`https://www.clinicspots.com/blog/${slug}`);
          published.push(iso(now - DAY_MS - r.next() * 4 * 365 * DAY_MS));
          for (const t of pickTopics(r, primary)) {
            linkPost.push(id);
            linkTopic.push(topicIds[t] as number);
          }
        }
        return {
          rows: n,
          statements: [
            insert('blog_post', 'id, slug, title, summary, url, published_at', 'int, text, text, text, text, timestamptz',
              [Array.from(ids), slugs, titles, summaries, urls, published], n),
            insert('"_blog_post_topic"', '"A", "B"', 'int, int', [linkPost, linkTopic], linkPost.length),
          ],
        };
      });
    }

    // --- The plan: every question's time, asker and answer count, drawn up front so that totals
    //     are known and askers can be created before their first question. ----------------------
    const plan = new Random(seed, 3);
    const askedAt = new Float64Array(questionCount);
    for (let i = 0; i < questionCount; i++) askedAt[i] = now - 3_600_000 - plan.next() * 3 * 365 * DAY_MS;
    askedAt.sort(); // Question ids follow the order they were asked in.
    const askerCount = Math.ceil(questionCount * 0.85);
    const askerOf = new Int32Array(questionCount);
    const askerSince = new Float64Array(askerCount).fill(Number.POSITIVE_INFINITY);
    const answersOf = new Uint8Array(questionCount);
    let answerTotal = 0;
    for (let i = 0; i < questionCount; i++) {
      // Every asker asks at least once; some ask again.
      const asker = i < askerCount ? i : plan.int(askerCount);
      askerOf[i] = asker;
      askerSince[asker] = Math.min(askerSince[asker] as number, askedAt[i] as number);
      answersOf[i] = answerCount(plan);
      answerTotal += answersOf[i] as number;
    }

    // --- Askers (anonymous: an id and when they joined, before their first question). -------------
    const askerIds = await reserveIds('asker', askerCount);
    await writeBatches('askers', askerCount, (start, n) => {
      const created: string[] = [];
      for (let k = 0; k < n; k++) created.push(iso((askerSince[start + k] as number) - plan.next() * DAY_MS));
      return {
        rows: n,
        statements: [
          insert('asker', 'id, created_at', 'int, timestamptz', [Array.from(askerIds.subarray(start, start + n)), created], n),
        ],
      };
    });

    // --- Questions (1–3 topics each). -----------------------------------------------------------------
    const questionIds = await reserveIds('question', questionCount);
    const subjectSeeds = new Uint32Array(questionCount);
    const primaryTopic = new Uint16Array(questionCount);
    {
      const r = new Random(seed, 4);
      await writeBatches('questions', questionCount, (start, n) => {
        const ids = questionIds.subarray(start, start + n);
        const slugs: string[] = [];
        const titles: string[] = [];
        const bodies: string[] = [];
        const times: string[] = [];
        const askers: number[] = [];
        const linkQuestion: number[] = [];
        const linkTopic: number[] = [];
        ids.forEach((id, k) => {
          const i = start + k;
          const primary = r.pickSkewed(TOPICS_BY_POPULARITY, 1.3);
          // The answers talk about the same subject: keep the seed that draws it.
          const subjectSeed = r.uint32();
          const { title, body } = questionText(r, pickSubject(new Random(seed, subjectSeed), primary));
          primaryTopic[i] = primary;
          subjectSeeds[i] = subjectSeed;
          slugs.push(`${kebab(title)}-${id}`);
          titles.push(title);
          bodies.push(body);
          times.push(iso(askedAt[i] as number));
          askers.push(askerIds[askerOf[i] as number] as number);
          for (const t of pickTopics(r, primary)) {
            linkQuestion.push(id);
            linkTopic.push(topicIds[t] as number);
          }
        });
        return {
          rows: n,
          statements: [
            insert('question', 'id, slug, title, body, asked_at, asker_id', 'int, text, text, text, timestamptz, int',
              [Array.from(ids), slugs, titles, bodies, times, askers], n),
            insert('"_question_topic"', '"A", "B"', 'int, int', [linkQuestion, linkTopic], linkQuestion.length),
          ],
        };
      });
    }

    // --- Answers: ~5% by staff, ~3% edited (with an edit row by the author), ~1% hidden.
    //     One batch holds all the answers of `batchSize` questions, so that the counter trigger
    //     refreshes each question once and each doctor once per batch (a doctor's refresh
    //     recounts all their answers, which is what dominates the cost past ~100k answers). ----------
    const answerBatchSizes: number[] = [];
    for (let start = 0; start < questionCount; start += batchSize) {
      let size = 0;
      for (let i = start; i < Math.min(start + batchSize, questionCount); i++) size += answersOf[i] as number;
      answerBatchSizes.push(size);
    }
    {
      const r = new Random(seed, 5);
      const answerIds = await reserveIds('answer', answerTotal);
      let question = 0;
      let answerOfQuestion = 0;
      let subject: Subject | null = null;
      let authors = new Set<number>();
      await writeBatches('answers', answerTotal, (start, n) => {
        const ids = answerIds.subarray(start, start + n);
        const questions: number[] = [];
        const doctors: (number | null)[] = [];
        const staff: (number | null)[] = [];
        const bodies: string[] = [];
        const answered: string[] = [];
        const edited: (string | null)[] = [];
        const hidden: (string | null)[] = [];
        const edits = {
          answer: [] as number[], doctor: [] as (number | null)[], staff: [] as (number | null)[],
          at: [] as string[], previous: [] as string[],
        };
        for (const id of ids) {
          while (answerOfQuestion >= (answersOf[question] as number)) {
            question++;
            answerOfQuestion = 0;
            subject = null;
          }
          if (subject === null) {
            subject = pickSubject(new Random(seed, subjectSeeds[question] as number), primaryTopic[question] as number);
            authors = new Set();
          }
          answerOfQuestion++;
          const asked = askedAt[question] as number;
          // Most answers come within days; some much later.
          const delay = r.chance(0.8) ? 60_000 + r.exponential(3 * DAY_MS) : r.next() * (now - asked);
          const answeredAt = Math.min(asked + Math.max(60_000, delay), now - 1000);

          let doctorId: number | null = null;
          let staffId: number | null = null;
          if (r.chance(0.05)) {
            staffId = r.pick(staffIds);
          } else {
            // A doctor answers a question once; doctors of the question's specialties more often.
            let candidate = 0;
            for (let tries = 0; tries < 6; tries++) {
              const pool = r.chance(0.6)
                ? (doctorsBySpecialty.get(r.pick(subject.topic.specialties)) ?? allDoctors)
                : allDoctors;
              candidate = r.pickSkewed(pool, 2);
              if (!authors.has(candidate)) break;
            }
            doctorId = candidate;
            authors.add(candidate);
          }
          const body = staffId === null ? doctorAnswerText(r, subject) : staffAnswerText(r, subject);

          let editedAt: number | null = null;
          if (r.chance(0.03)) {
            editedAt = Math.min(answeredAt + 60_000 + r.next() * Math.min(30 * DAY_MS, now - answeredAt), now - 1);
            edits.answer.push(id);
            edits.doctor.push(doctorId);
            edits.staff.push(staffId);
            edits.at.push(iso(editedAt));
            // The draft before the edit: its first sentence or paragraph.
            edits.previous.push(body.split(/\n\n|(?<=\.) /)[0] ?? body);
          }
          const hiddenAt = r.chance(0.01) ? Math.min(answeredAt + r.next() * DAY_MS, now - 1) : null;
          questions.push(questionIds[question] as number);
          doctors.push(doctorId);
          staff.push(staffId);
          bodies.push(body);
          answered.push(iso(answeredAt));
          edited.push(editedAt === null ? null : iso(editedAt));
          hidden.push(hiddenAt === null ? null : iso(hiddenAt));
        }
        const statements = [
          insert(
            'answer',
            'id, question_id, doctor_id, staff_member_id, body, answered_at, last_edited_at, hidden_at',
            'int, int, int, int, text, timestamptz, timestamptz, timestamptz',
            [Array.from(ids), questions, doctors, staff, bodies, answered, edited, hidden],
            n,
          ),
        ];
        if (edits.answer.length > 0) {
          statements.push(
            insert('answer_edit', 'answer_id, doctor_id, staff_member_id, edited_at, previous_body',
              'int, int, int, timestamptz, text',
              [edits.answer, edits.doctor, edits.staff, edits.at, edits.previous], edits.answer.length),
          );
        }
        return { rows: n, statements };
      }, answerBatchSizes);
    }

    // --- Fresh statistics for the planner. VACUUM too: the counter triggers leave a dead version of
    //     every answered question, and the visibility map lets index-only scans work. ---------------
    report('analyze', 0, 1);
    await client.query(
      'VACUUM (ANALYZE) specialty, doctor, staff_member, asker, question, answer, answer_edit, topic, blog_post, "_question_topic", "_blog_post_topic"',
    );
    report('analyze', 1, 1);
  } finally {
    await client.end();
  }

  const seconds = (performance.now() - started) / 1000;
  const summary: GenerateSummary = {
    seed,
    rows,
    totalRows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(totalRows / seconds),
  };
  printer?.finish(summary);
  log.info(summary, 'data generated');
  return summary;
}

function batchSizes(total: number, size: number): number[] {
  const sizes: number[] = [];
  for (let start = 0; start < total; start += size) sizes.push(Math.min(size, total - start));
  return sizes;
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

/** One progress line on stderr, rewritten in place on a terminal; one line per phase otherwise. */
class StderrProgress {
  private readonly tty = process.stderr.isTTY === true;
  private lastPhase: GeneratePhase | null = null;
  private lastWrite = 0;

  update(p: GenerateProgress): void {
    const line = `${p.phase.padEnd(10)} ${fmt(p.done)}/${fmt(p.total)} · ${fmt(p.rows)} rows · ${fmt(p.rowsPerSecond)} rows/s · ${(p.elapsedMs / 1000).toFixed(1)} s`;
    if (this.tty) {
      const nowMs = performance.now();
      if (p.done < p.total && p.phase === this.lastPhase && nowMs - this.lastWrite < 100) return;
      this.lastWrite = nowMs;
      this.lastPhase = p.phase;
      process.stderr.write(`\r\x1b[K${line}`);
    } else if (p.done === p.total) {
      process.stderr.write(`${line}\n`);
    }
  }

  finish(summary: GenerateSummary): void {
    const tables = Object.entries(summary.rows)
      .map(([table, n]) => `${table} ${fmt(n)}`)
      .join(', ');
    process.stderr.write(
      `${this.tty ? '\r\x1b[K' : ''}Generated ${fmt(summary.totalRows)} rows in ${summary.seconds.toFixed(1)} s ` +
        `(${fmt(summary.rowsPerSecond)} rows/s, seed ${summary.seed}): ${tables}\n`,
    );
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');

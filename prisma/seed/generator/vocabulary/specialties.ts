/** Specialty names as the site shows them; weight = how common doctors of it are. */
export const SPECIALTIES: readonly (readonly [name: string, weight: number])[] = [
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

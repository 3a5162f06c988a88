/**
 * Who is making a request, from their bearer token. Doctors and staff get tokens from
 * `npm run credential`; an asker gets one token, once, when asking a question.
 */
export type Viewer =
  | { role: 'doctor'; doctorId: number; credentialId: number }
  | { role: 'staff'; staffMemberId: number; credentialId: number }
  | { role: 'asker'; askerId: number; credentialId: number };

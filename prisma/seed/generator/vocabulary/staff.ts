/** The site's editorial team: staff answers are signed by one of them. */
export const STAFF: readonly (readonly [name: string, email: string])[] = [
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

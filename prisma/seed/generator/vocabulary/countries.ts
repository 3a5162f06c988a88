import type { Random } from '../random';

export interface CountryVocabulary {
  name: string;
  weight: number;
  cities: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  cost: (r: Random) => string;
}

const rupees = (r: Random): string => `Rs ${r.between(10, 450) * 1000}`.replace(/(\d)(?=(\d{3})+$)/g, '$1,');
const dollars = (r: Random): string => `USD ${(r.between(8, 150) * 100).toLocaleString('en-US')}`;

export const COUNTRIES: readonly CountryVocabulary[] = [
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

const COUNTRY_WEIGHT_TOTAL = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);
export function pickCountry(r: Random): CountryVocabulary {
  let x = r.next() * COUNTRY_WEIGHT_TOTAL;
  for (const country of COUNTRIES) {
    x -= country.weight;
    if (x < 0) return country;
  }
  return COUNTRIES[0] as CountryVocabulary;
}

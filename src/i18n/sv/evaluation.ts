import type { Translation } from '../catalogue';
import type { evaluation as english } from '../en/evaluation';

/** Swedish — the programme's evaluation (in the words chosen in ./index.ts). */
export const evaluation = {
  baselineTitle: 'Din utgångspunkt: sex korta påståenden',
  intro:
    'Frivilligt, cirka två minuter. Hur väl stämmer varje påstående in på dig i dag? Du får samma frågor igen när programmet slutar, så att vi kan se vad det förändrade.',
  privacy: 'Integritet: din samordnare ser bara summor för fem eller fler personer, aldrig dina svar.',
  programme: 'Program: {programme}',
  statements: {
    strategies: 'Jag utforskar olika undervisningsstrategier när jag handleder.',
    complexity:
      'Jag känner mig rustad att hantera komplexa handledningssituationer, med verkliga patienter och studenter.',
    reflection: 'Jag reflekterar över min egen handledning.',
    feedback: 'Jag får återkoppling på min handledning från någon vars omdöme jag litar på.',
    learnerPerspective: 'Jag är medveten om hur studenter upplever min handledning.',
    sharedConcern: 'Jag pratar om handledning med mina kollegor.',
  },
  short: {
    strategies: 'Utforska undervisningsstrategier',
    complexity: 'Hantera komplexa handledningssituationer',
    reflection: 'Reflektera över min egen handledning',
    feedback: 'Få återkoppling jag litar på',
    learnerPerspective: 'Medvetenhet om hur studenter upplever min handledning',
    sharedConcern: 'Prata om handledning med kollegor',
  },
  scale: {
    '1': '1 – Instämmer inte alls',
    '2': '2 – Instämmer inte',
    '3': '3 – Varken eller',
    '4': '4 – Instämmer',
    '5': '5 – Instämmer helt',
  },
  send: 'Skicka',
  notNow: 'Inte nu',
  thanks: 'Tack! Dina svar är sparade, och bara du kan se dem (skriv **mina data**).',
  declined: 'Okej – du får inte de här frågorna igen nu.',
  invalid: 'Kortet kunde inte läsas, så inget sparades. Välj mellan 1 och 5.',
  empty: 'Välj minst ett svar, eller tryck på Inte nu.',
  forbidden: 'Det här kortet tillhör någon annan, så inget sparades.',
  closed: 'Frågorna är inte längre öppna, så inget sparades.',
  already: 'Du har redan svarat, så inget ändrades.',
  myDataBaseline: 'Före programmet – {programme}',
  endTitle: 'Tillbakablick: programmets slut',
  endIntro:
    'Frivilligt, cirka tre minuter. Samma sex påståenden som när du började – hur väl stämmer de in på dig nu? – och sedan tre frågor om programmet som helhet.',
  endPrivacy:
    'Integritet: din samordnare ser bara summor för fem eller fler personer, aldrig dina svar eller ditt namn.',
  openUntil: 'Öppen till och med {date}.',
  reminder: 'En påminnelse: frågorna är fortfarande öppna, om du vill svara.',
  overallTitle: 'Programmet som helhet',
  overall: {
    safety: 'Hur trygg kändes det överlag att bli observerad?',
    usefulness: 'Hur användbart var programmet för dig?',
    recommend:
      'Hur troligt är det att du skulle rekommendera det till en kollega? (0 = inte alls, 10 = mycket troligt)',
  },
  safetyScale: {
    '1': '1 – Inte alls trygg',
    '2': '2 – Ganska otrygg',
    '3': '3 – Varken eller',
    '4': '4 – Ganska trygg',
    '5': '5 – Helt trygg',
  },
  usefulnessScale: {
    '1': '1 – Inte användbart',
    '2': '2 – Till liten nytta',
    '3': '3 – Ganska användbart',
    '4': '4 – Användbart',
    '5': '5 – Mycket användbart',
  },
  commentLabel: 'En kommentar till din samordnare (frivillig)',
  commentNote: 'Din samordnare läser detta – utan ditt namn – bara om fem eller fler personer skriver en.',
  commentPlaceholder: 'Vad bör nästa program behålla, eller ändra?',
  endThanks: 'Tack! Dina svar är sparade, och bara du kan se dem (skriv **mina data**).',
  endInvalid: 'Kortet kunde inte läsas, så inget sparades. Välj bland alternativen.',
  endEmpty: 'Välj eller skriv minst ett svar, eller tryck på Inte nu.',
  tooLong: 'Kommentaren är längre än 1000 tecken; korta den gärna (det du skrev finns kvar).',
  expired: 'Frågorna var öppna till och med {date} och har stängt, så inget sparades.',
  myDataEnd: 'När programmet slutade – {programme}',
  myDataBoth: 'Före och när programmet slutade – {programme}',
  myDataPair: 'Före: {before} · Vid slutet: {end}',
  myDataOverall: {
    safety: 'Hur tryggt det kändes att bli observerad',
    usefulness: 'Hur användbart programmet var',
    recommend: 'Skulle rekommendera det till en kollega (0–10)',
  },
  myDataComment: 'Din kommentar till samordnaren',
} as const satisfies Translation<typeof english>;

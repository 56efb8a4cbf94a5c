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
} as const satisfies Translation<typeof english>;

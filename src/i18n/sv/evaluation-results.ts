import type { Catalogue } from '../catalogue';

/** Swedish — what coordinators get of the programme's evaluation */
export const evaluationResults = {
  answeredFact: 'Slutenkäten besvarad',
  closedFact: 'Utvärdering',
  closedValue: 'avslutad {date}',
  closeButton: 'Avsluta utvärderingen nu',
  resultsButton: 'Utvärderingens resultat',
  confirmTitle: 'Avsluta utvärderingen av {programme} nu?',
  confirmText:
    'Hittills har {count} besvarat slutenkäten. När den avslutas lämnas resultaten ut till samordnarna en gång, nu: svar som kommer efter utlämnandet ändrar inte det som lämnats ut, och det går inte att ångra. Annars avslutas den av sig själv efter slutet.',
  confirmButton: 'Ja, avsluta nu',
  closed: 'Utvärderingen är avslutad och resultaten utlämnade.',
  already: 'Utvärderingen var redan avslutad: resultaten är de som lämnades ut då.',
  notClosed: 'Utvärderingen pågår: resultaten lämnas ut när den avslutas.',
  title: 'Utvärdering — {programme}',
  closedAt: 'Avslutad {date}. Svar som kommer efter utlämnandet ändrar inte det som lämnats ut.',
  caution:
    'Påståendena är inte ett validerat instrument: de beskriver en grupps självskattningar, inte programmets effekt.',
  nothing: 'Färre än 5 svarade: inget kan visas.',
  endAnswered: '{count} svarade vid slutet.',
  rating: 'Skattning',
  baseline: 'Före',
  end: 'Vid slutet',
  count: 'Personer',
  withheld: 'färre än 5',
  noFigures: 'Färre än 5 skattade detta: inget kan visas.',
  medians: 'Medianen: före {baseline}, vid slutet {end}',
  median: 'Medianen: {value}',
  change: 'Av {count} som skattade båda gångerna: {groups}',
  changeWithheld: 'Färre än 5 skattade båda gångerna.',
  changeAll:
    'Skattat båda gångerna av {count}: förändringens riktningar är för små för att visas var för sig.',
  directions: { higher: 'högre', same: 'lika', lower: 'lägre' },
  directionsOr: '{first} eller {second}',
  overallTitle: 'Sammantaget, vid slutet',
  overall: {
    safety: 'Hur tryggt det kändes att bli observerad (1–5)',
    usefulness: 'Hur användbart programmet var (1–5)',
    recommend: 'Skulle rekommendera det till en kollega (0–10)',
  },
  commentsTitle: 'Kommentarer, i slumpad ordning, utan namn eller datum',
  commentsWithheld: 'Färre än 5 skrev en kommentar: ingen kan visas.',
  commentsMore: 'och {count} till i CSV-filen',
  exportButton: 'Exportera CSV',
  exportInline:
    'Lokalt läge kan inte skicka filer, så här är CSV-filen (siffror över fem eller fler, och de utlämnade kommentarerna):',
  exportDescription:
    'Utvärderingens resultat för {programme}: siffror över fem eller fler, och de kommentarer som lämnats ut',
  csv: {
    notice:
      'Peer Coach utvärderingens resultat — siffror över fem eller fler personer; innehåller inga namn eller datum, och ingen text handledare skrivit utom de utlämnade kommentarerna (fem eller fler, slumpad ordning)',
    statement: 'påstående',
    phase: 'tillfälle',
    rating: 'skattning',
    people: 'personer',
    median: 'medianvärde',
    change: 'förändring',
    question: 'fråga',
    comment: 'kommentar',
    programme: 'program',
    generated: 'skapad',
    unnamed: 'program',
    fileName: 'Peer Coach utvärdering - {programme} - {date}.csv',
  },
} as const satisfies Catalogue['evaluationResults'];

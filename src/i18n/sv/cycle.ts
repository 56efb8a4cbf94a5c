import type { Translation } from '../catalogue';
import type { cycle as english } from '../en/cycle';

/**
 * Swedish — the observation cycle: scheduling, upcoming observations, notices, the prompts and their
 * questions, and the pair's summary (in the words chosen in ./index.ts).
 */
export const cycle = {
  schedule: {
    title: 'Boka en observation',
    rescheduleTitle: 'Flytta observationen',
    returnTitle: 'Boka observationen med ombytta roller',
    intro: 'Tiderna är i din tidszon ({zone}). Din kollega ser dem i sin.',
    pair: 'Med',
    date: 'Datum',
    startTime: 'Starttid',
    duration: 'Längd (minuter)',
    host: 'Vem handleder en student (och blir observerad)?',
    setting: 'Miljö',
    learnerLevel: 'Student',
    talk: 'När pratar ni igenom den?',
    talkChoice: {
      rightAfter: 'Direkt efter (15 minuter efter slutet, så att ni hinner svara på kortet först)',
      laterToday: 'Senare samma dag',
      nextWorkingDay: 'Nästa arbetsdag',
      agreeLater: 'Vi bestämmer en tid senare',
    },
    talkTime: 'Samtal kl. (tomt: 30 minuter efter slutet, eller starttiden nästa arbetsdag)',
    talkMoves: 'Flytta vårt samtal med observationen',
    talkNote:
      'Korten efter observationen ska besvaras innan samtalet börjar, så att ni båda har sammanfattningen när ni ses.',
    talkPlanned: 'Ni pratar igenom den {when}.',
    submit: 'Boka',
    moveSubmit: 'Flytta',
    you: 'du',
    noPair:
      'Du behöver ingå i ett par innan du kan boka en observation. Skriv **bjud in** för att fråga en kollega, eller vänta på att din samordnare parar ihop dig.',
    scheduled: 'Bokat: {when}. {peer} har fått besked. Jag skickar er båda ett kort före och ett efter.',
    rescheduled: 'Flyttad till {when}. {peer} har fått besked; korten flyttas med.',
    notScheduled: 'Den observationen är inte längre bokad.',
    error: {
      date: 'Välj ett datum.',
      time: 'Den tiden finns inte den dagen i din tidszon (klockan ställs om). Välj en annan.',
      past: 'Den tiden har redan varit. Välj en tid framåt.',
      outsideProgramme: 'Den dagen ligger utanför programmet.',
      duration: 'Ange en längd från 10 till 480 minuter.',
      host: 'Välj vem som handleder.',
      setting: 'Välj en miljö.',
      learnerLevel: 'Välj student.',
      talk: 'Välj när ni ska prata igenom observationen.',
      talkTime:
        'Samtalet måste komma efter observationen, samma dag; eller välj nästa arbetsdag. (Tiden kanske inte finns den dagen: klockan ställs om.)',
      tooMany:
        'Ni har redan 10 observationer inbokade framåt, och fler kan ett par inte planera. Genomför eller ställ in någon av dem innan ni bokar en till.',
      overlap: 'En av er har redan en observation då. Välj en annan tid.',
    },
  },
  upcoming: {
    title: 'Dina observationer',
    none: 'Inget bokat. Skriv **boka** för att planera en observation med din kollega.',
    youHost: 'Du handleder; {peers} observerar',
    youObserve: '{host} handleder; du observerar',
    reschedule: 'Flytta',
    cancel: 'Ställ in',
    didNotHappen: 'Den blev inte av',
    startedNoCancel:
      'Observationen har redan börjat och kan därför inte ställas in. Om den inte blev av, välj ”Den blev inte av”.',
    cancelled: 'Inställd. {peer} har fått besked, och korten för observationen är tillbakadragna.',
    didNotHappenDone: 'Noterat – sådant händer. Ingen klandras. Vill du hitta en ny tid?',
    scheduleAgain: 'Hitta en ny tid',
    talk: 'Samtal: {when}',
    talkLater: 'Samtal: en tid ni kommer överens om',
  },
  notices: {
    scheduledTitle: 'Ny observation',
    scheduled: '{by} har bokat en observation: {when}. {role}',
    rescheduledTitle: 'Observationen är flyttad',
    rescheduled: '{by} har flyttat er observation till {when}. Korten flyttas med.',
    cancelledTitle: 'Observationen är inställd',
    cancelled: '{by} har ställt in observationen {when}.',
    didNotHappenTitle: 'Observationen blev inte av',
    didNotHappen:
      '{by} har noterat att observationen {when} inte blev av. Ingen skuld – hitta en ny tid när det passar er båda.',
    reminder:
      'En vänlig påminnelse: ditt kort om observationen {when} väntar här ovanför, när du har en stund.',
    peerUnreachableTitle: 'Din kollega går inte att nå',
    peerUnreachable:
      'Jag når inte {name} i Teams just nu, så hen får inte kortet för {when}. Prata gärna med hen direkt.',
    youHost: 'Du handleder; din kollega observerar.',
    youObserve: 'Din kollega handleder; du observerar.',
  },
  prompt: {
    beforeHostTitle: 'Innan du blir observerad',
    beforeObserverTitle: 'Innan du observerar',
    afterObserverTitle: 'Din återkoppling till {host}',
    afterHostTitle: 'Din reflektion',
    followUpTitle: 'Ditt åtagande',
    when: 'När',
    setting: 'Miljö',
    learner: 'Student',
    talk: 'Samtal',
    beforeTalk: 'Svara gärna senast {time}, när ert samtal börjar, så att sammanfattningen finns när ni ses.',
    hostFocus: '{host} vill ha återkoppling på',
    focusNotYet: '{host} har inte sagt ännu vad du ska titta efter; kortet visar det när hen har gjort det.',
    observerReminder:
      'Lägg märke till hur studenten reagerar, och anteckna konkreta saker du ser och hör – det är det som gör återkopplingen användbar. Det här är kollegialt och konfidentiellt: ingen bedömning.',
    hostReminder: 'Bara din kollega ser det du skriver här, och först när ni båda har svarat.',
    actionPoint: 'Du planerade: {point}',
    submit: 'Skicka',
    answered: 'Tack – sparat. Bara ert par ser det.',
    expired: 'Det här kortet har gått ut. Ingen fara – det blir fler observationer.',
    withdrawn: 'Observationen ställdes in eller flyttades, så det här kortet är tillbakadraget.',
    notYet: 'Det här kortet är inte öppet ännu.',
    forbidden: 'Det här kortet tillhör någon annan.',
    ratingLow: '1 – inte trygg',
    ratingHigh: '5 – helt trygg',
    error: {
      required: 'Svara gärna på den här.',
      tooLong: 'Det är längre än svaret får vara; korta ner det (det du skrev finns kvar).',
      invalid: 'Välj ett av alternativen.',
      identifier: {
        personnummer:
          'Det här ser ut som ett personnummer ({found}). Formulera om utan det – studenten och patienten namnges aldrig här. Det du skrev finns kvar i rutan.',
        samordningsnummer:
          'Det här ser ut som ett samordningsnummer ({found}). Formulera om utan det. Det du skrev finns kvar i rutan.',
        reservnummer:
          'Det här ser ut som ett reservnummer ({found}). Formulera om utan det. Det du skrev finns kvar i rutan.',
        dateOfBirth:
          'Det här ser ut som ett födelsedatum ({found}). Formulera om utan det. Det du skrev finns kvar i rutan.',
        phone:
          'Det här ser ut som ett telefonnummer ({found}). Formulera om utan det. Det du skrev finns kvar i rutan.',
        email:
          'Det här ser ut som en e-postadress ({found}). Formulera om utan den. Det du skrev finns kvar i rutan.',
        recordNumber:
          'Det här ser ut som ett journalnummer ({found}). Formulera om utan det. Det du skrev finns kvar i rutan.',
      },
    },
  },
  questions: {
    'bh.strategy': 'Vilken undervisningsstrategi vill du utforska?',
    'bh.complexity': 'Vad gör den här situationen komplex?',
    'bh.focus': 'Vad ska din kollega titta efter och ge återkoppling på?',
    'bh.safety':
      'Vad skulle hjälpa dig att känna dig trygg när du blir observerad? (Hur din kollega presenteras för studenten och patienten, vad som stannar mellan er.)',
    'bo.attention': 'Vad ska du vara uppmärksam på?',
    'ao.worked': 'Vad fungerade? Var konkret: vad såg och hörde du?',
    'ao.focus': 'Vad såg du när det gäller det fokus din kollega bad om?',
    'ao.learner': 'Hur verkade studenten uppleva det?',
    'ao.try': 'Vad skulle din kollega kunna pröva nästa gång?',
    'ao.contrast': 'Vad tar du med dig till din egen handledning?',
    'ah.plan': 'Hur gick det jämfört med din plan?',
    'ah.noticed': 'Vad lade du märke till medan du blev observerad?',
    'ah.learner': 'Vad tror du att studenten upplevde?',
    'ah.discuss': 'Vad vill du diskutera med din kollega?',
    'ah.safety':
      'Hur trygg kände du dig när du blev observerad? (1–5; redovisas bara sammanvägt för hela gruppen)',
    'fu.tried': 'Prövade du det?',
    'fu.happened': 'Vad hände?',
  },
  choices: { yes: 'Ja', partly: 'Delvis', no: 'Inte än' },
  summary: {
    title: 'Er observation {when}: sida vid sida',
    intro: 'Reflektionen från {host} och återkopplingen från {observers}, per tema.',
    hostSaid: '{name} (handledde)',
    observerSaid: '{name} (observerade)',
    missing: 'Skickad vid sista svarsdag: {names} svarade inte den här gången.',
    talkTitle: 'Till ert samtal',
    actionsTitle: 'Åtaganden',
    talk1: 'Vad överraskade var och en av er?',
    talk2: 'Vad fick studenten ut av det – och vad hade hen kanske behövt?',
    talk3: 'Vad ska var och en av er pröva nästa gång ni handleder?',
    actionPoint: 'Ett åtagande för dig själv',
    actionPlaceholder: 't.ex. Be studenten sammanfatta innan jag ger återkoppling',
    addAction: 'Lägg till åtagande',
    returnVisit: 'Boka nästa observation (ombytta roller)',
    actionAdded: {
      one: 'Åtagandet är sparat. Om {count} vecka frågar jag hur det gick.',
      other: 'Åtagandet är sparat. Om {count} veckor frågar jag hur det gick.',
    },
    actionAddedLocal: {
      one: 'Åtagandet är sparat. Det här är en lokal körning, så om {count} minut frågar jag hur det gick.',
      other:
        'Åtagandet är sparat. Det här är en lokal körning, så om {count} minuter frågar jag hur det gick.',
    },
    actionEmpty: 'Skriv åtagandet först.',
    actionTooLong: 'Håll åtagandet under 500 tecken.',
    actionIdentifier: {
      personnummer:
        'Inte sparat: åtagandet ser ut att innehålla ett personnummer ({found}). Skriv det igen utan numret.',
      samordningsnummer:
        'Inte sparat: åtagandet ser ut att innehålla ett samordningsnummer ({found}). Skriv det igen utan numret.',
      reservnummer:
        'Inte sparat: åtagandet ser ut att innehålla ett reservnummer ({found}). Skriv det igen utan numret.',
      dateOfBirth:
        'Inte sparat: åtagandet ser ut att innehålla ett födelsedatum ({found}). Skriv det igen utan datumet.',
      phone:
        'Inte sparat: åtagandet ser ut att innehålla ett telefonnummer ({found}). Skriv det igen utan numret.',
      email:
        'Inte sparat: åtagandet ser ut att innehålla en e-postadress ({found}). Skriv det igen utan adressen.',
      recordNumber:
        'Inte sparat: åtagandet ser ut att innehålla ett journalnummer ({found}). Skriv det igen utan numret.',
    },
    historyTitle: 'Dina tidigare sammanfattningar',
    historyNone:
      'Inga sammanfattningar ännu: de kommer när ni båda har svarat på korten efter en observation.',
    safetyRating: 'Trygghet (1–5)',
  },
} as const satisfies Translation<typeof english>;

import type { Translation } from '../catalogue';
import type { conversation as english } from '../en/conversation';

/**
 * Swedish — the words every person meets: common replies, the welcome, help and their profile (in the words
 * chosen in ./index.ts).
 */
export const conversation = {
  language: { en: 'English', sv: 'Svenska' },
  common: {
    followTeams: 'Följ Teams',
    save: 'Spara',
    back: 'Tillbaka till programmet',
    unknownCommand: 'Förlåt, det uppfattade jag inte. Skriv **hjälp** så ser du vad jag kan göra.',
    notCoordinator:
      'Det är till för programmets samordnare. Om du behöver det kan du be en samordnare att lägga till dig.',
    paused: 'Pausat. Jag skickar inga frågekort till dig förrän du skriver **fortsätt**.',
    alreadyPaused: 'Du har redan pausat. Skriv **fortsätt** när du vill få frågekort igen.',
    resumed: 'Välkommen tillbaka – nu får du frågekort igen.',
    alreadyResumed: 'Frågekorten är redan påslagna.',
    stale: 'Det här kortet är inaktuellt. Skriv **hjälp** för att börja om.',
    failed: 'Något gick fel hos oss och ingenting ändrades. Försök igen om en liten stund.',
    notFound: 'Det programmet finns inte längre.',
    somebody: 'en kollega',
    seeBelow: 'Klart – se nedan.',
    stillWorking:
      'Jag arbetar fortfarande på det – resultatet dyker upp i den här chatten om en liten stund.',
    slowDown: {
      one: 'Det blev mycket på kort tid, så jag tar en kort paus. Vänta en stund – försök igen om {count} sekund. Det du har skrivit på ett kort finns kvar.',
      other:
        'Det blev mycket på kort tid, så jag tar en kort paus. Vänta en stund – försök igen om {count} sekunder. Det du har skrivit på ett kort finns kvar.',
    },
    personalOnly: 'Det gör vi i din egen chatt med Peer Coach, där bara du ser det.',
    andMore: '…och {count} till.',
  },
  welcome: {
    title: 'Välkommen till Peer Coach',
    hello: 'Hej {name}!',
    intro:
      'Med Peer Coach observerar du och en jämbördig kollega varandra när ni handleder en student på riktigt, och sedan reflekterar ni, ger varandra återkoppling och pratar igenom det. Jag sköter det praktiska: jag håller reda på observationerna och skickar korta frågor till er före och efter var och en.',
    promiseTitle: 'Det du skriver stannar hos ert par',
    promise:
      'Dina reflektioner och din återkoppling är bara för dig och din kollega. Samordnarna ser vilka som deltar och hur långt de har kommit – aldrig vad någon har skrivit. Det här är kollegialt lärande, inte bedömning.',
    beginTitle: 'Så kommer du igång',
    begin:
      'Din samordnare registrerar dig i ett program och parar ihop dig med en kollega – eller så skriver du **bjud in** när du är registrerad och frågar en kollega själv. Skriv **hjälp** när du vill.',
    coordinatorNote: 'Du är samordnare: skriv **program** för att sätta upp ett program.',
    teamIntro:
      'Peer Coach är här. Samordnare kan nu registrera alla i det här teamet i ett program för kollegial coachning. Varje handledare pratar med Peer Coach i sin egen chatt; det hen skriver stannar hos hens par.',
    helpButton: 'Vad kan jag göra?',
    profileButton: 'Min tidszon och mitt språk',
  },
  help: {
    title: 'Det här kan du göra',
    supervisorTitle: 'Som handledare',
    coordinatorTitle: 'Som samordnare',
    help: 'Visa den här listan',
    profile: 'Se eller ändra tidszon, språk och avdelning',
    pause: 'Pausa alla frågekort (vid ledighet eller en intensiv period)',
    resume: 'Slå på frågekorten igen',
    invite: 'Be en kollega i ditt program att bilda par med dig',
    schedule: 'Boka en observation med din kollega',
    upcoming: 'Se, flytta eller ställ in dina observationer',
    history: 'Läs dina tidigare sammanfattningar',
    myData: 'Se allt du har skrivit',
    deleteMyData: 'Radera allt du har skrivit',
    programmes: 'Skapa och hantera program: registrera, para ihop',
    newProgramme: 'Skapa ett program',
    coordinators: 'Se samordnarna och lägg till en',
    report: 'Deltagarsiffror, diagram, parens läge och CSV',
    nudge: 'Skicka en vänlig knuff till en grupp, med förhandsvisning',
    pausedNote: 'Du har pausat: inga frågekort förrän du skriver **fortsätt**.',
    inviteButton: 'Bjud in en kollega',
    programmesButton: 'Programmen',
  },
  profile: {
    title: 'Din profil',
    intro:
      'Jag visar datum och tider i din tidszon och skriver till dig på ditt språk. Lämna ett fält tomt så följer jag det Teams säger.',
    timeZone: 'Tidszon',
    timeZonePlaceholder: 't.ex. Europe/Stockholm',
    fromTeams: 'Enligt Teams: {value}',
    language: 'Språk',
    department: 'Avdelning (frivilligt)',
    departmentHint: 'Vid ihopparningen föredras en kollega från en annan avdelning.',
    save: 'Spara',
    saved: 'Sparat. Tider visas i {timeZone}. Språk: {language}.',
    now: 'Just nu är klockan {time} för dig.',
    error: {
      timeZone:
        'Den tidszonen känner jag inte igen. Använd ett namn som Europe/Stockholm eller America/New_York.',
      locale: 'Välj ett av språken i listan.',
      department: 'Håll avdelningens namn under 80 tecken.',
    },
  },
} as const satisfies Translation<typeof english>;

/**
 * English — the observation cycle: scheduling, upcoming observations, notices, the prompts and their
 * questions, and the pair's summary.
 */
export const cycle = {
  schedule: {
    title: 'Schedule an observation',
    rescheduleTitle: 'Move the observation',
    returnTitle: 'Schedule the return visit',
    intro: 'Times are in your time zone ({zone}). Your peer sees them in theirs.',
    pair: 'With',
    date: 'Date',
    startTime: 'Start',
    duration: 'Duration (minutes)',
    host: 'Who supervises a learner (the host)?',
    setting: 'Setting',
    learnerLevel: 'Learner',
    talk: 'When will you talk it over?',
    talkChoice: {
      rightAfter: 'Right after (15 minutes after the end, to answer your card first)',
      laterToday: 'Later the same day',
      nextWorkingDay: 'The next working day',
      agreeLater: 'We will agree a time later',
    },
    talkTime: 'Talk at (empty: 30 minutes after the end, or the start time on the next working day)',
    talkMoves: 'Move our talk with the observation',
    talkNote:
      'Your cards after the observation are due when the talk begins, so that you both have the summary when you meet.',
    talkPlanned: 'You talk it over {when}.',
    submit: 'Schedule',
    moveSubmit: 'Move it',
    you: 'you',
    noPair:
      'You need a peer before you can schedule an observation. Type **invite** to ask a colleague, or wait for your coordinator to pair you.',
    scheduled: 'Scheduled: {when}. {peer} has been told. I will send you both a short card before and after.',
    rescheduled: 'Moved to {when}. {peer} has been told; the cards move with it.',
    notScheduled: 'That observation is no longer scheduled.',
    error: {
      date: 'Pick a date.',
      time: 'That time does not exist on that day in your time zone (the clocks change). Pick another.',
      past: 'That is in the past. Pick a time ahead.',
      outsideProgramme: 'That day is outside the programme.',
      duration: 'Use a duration from 10 to 480 minutes.',
      host: 'Choose who hosts.',
      setting: 'Choose a setting.',
      learnerLevel: 'Choose the learner.',
      talk: 'Choose when you will talk it over.',
      talkTime:
        'The talk must come after the observation, on the same day; or choose the next working day. (That time may not exist on that day: the clocks change.)',
      overlap: 'One of you already has an observation then. Pick another time.',
      tooMany:
        'You two already have 10 observations ahead, the most a pair can plan. Hold or cancel one of them before planning another.',
    },
  },
  upcoming: {
    title: 'Your observations',
    none: 'Nothing scheduled. Type **schedule** to plan an observation with your peer.',
    youHost: 'You host; {peers} observes',
    youObserve: '{host} hosts; you observe',
    reschedule: 'Move',
    cancel: 'Cancel',
    didNotHappen: 'It did not happen',
    cancelled: 'Cancelled. {peer} has been told, and the cards for it are withdrawn.',
    startedNoCancel:
      'That observation has already started, so it cannot be cancelled. If it did not take place, choose "It did not happen".',
    didNotHappenDone:
      'Noted — it happens. Nothing is held against anyone. Would you like to find a new time?',
    scheduleAgain: 'Find a new time',
    talk: 'Talk it over: {when}',
    talkLater: 'Talk it over: a time you agree',
  },
  notices: {
    scheduledTitle: 'New observation',
    scheduled: '{by} scheduled an observation: {when}. {role}',
    rescheduledTitle: 'Observation moved',
    rescheduled: '{by} moved your observation to {when}. The cards move with it.',
    cancelledTitle: 'Observation cancelled',
    cancelled: '{by} cancelled the observation on {when}.',
    didNotHappenTitle: 'Observation did not happen',
    didNotHappen:
      '{by} noted that the observation on {when} did not happen. No blame — find a new time when it suits you both.',
    reminder:
      'A gentle reminder: your card about the observation on {when} is waiting above, whenever you have a moment.',
    peerUnreachableTitle: 'Your peer cannot be reached',
    peerUnreachable:
      'I cannot reach {name} in Teams at the moment, so they will not get the card for {when}. Please talk to them in person.',
    youHost: 'You host; your peer observes.',
    youObserve: 'Your peer hosts; you observe.',
  },
  prompt: {
    beforeHostTitle: 'Before you are observed',
    beforeObserverTitle: 'Before you observe',
    afterObserverTitle: 'Your feedback for {host}',
    afterHostTitle: 'Your reflection',
    followUpTitle: 'Your action point',
    when: 'When',
    setting: 'Setting',
    learner: 'Learner',
    talk: 'Talk it over',
    beforeTalk: 'Please answer by {time}, when your talk begins, so the summary is there when you meet.',
    hostFocus: '{host} would like feedback on',
    focusNotYet: '{host} has not said yet what to watch for; this card will show it when they do.',
    observerReminder:
      'Notice how the learner reacts, and jot down specific things you see and hear — that is what makes feedback useful. This is collegial and confidential: not an assessment.',
    hostReminder: 'Only your peer will see what you write here, and only after you have both answered.',
    actionPoint: 'You planned: {point}',
    submit: 'Send',
    answered: 'Thank you — saved. Only your pair will see it.',
    expired: 'This card has expired. No problem — there will be other observations.',
    withdrawn: 'This observation was cancelled or moved, so this card is withdrawn.',
    notYet: 'This card is not open yet.',
    forbidden: 'This card belongs to someone else.',
    ratingLow: '1 — not safe',
    ratingHigh: '5 — completely safe',
    error: {
      required: 'Please answer this one.',
      tooLong: 'That is longer than this answer allows; please shorten it (what you wrote is still here).',
      invalid: 'Please choose one of the options.',
      identifier: {
        personnummer:
          'This looks like a personal identity number ({found}). Please rephrase without it — the learner and patient are never named here. What you wrote is still in the box.',
        samordningsnummer:
          'This looks like a coordination number ({found}). Please rephrase without it. What you wrote is still in the box.',
        reservnummer:
          'This looks like a temporary identity number ({found}). Please rephrase without it. What you wrote is still in the box.',
        dateOfBirth:
          'This looks like a date of birth ({found}). Please rephrase without it. What you wrote is still in the box.',
        phone:
          'This looks like a phone number ({found}). Please rephrase without it. What you wrote is still in the box.',
        email:
          'This looks like an e-mail address ({found}). Please rephrase without it. What you wrote is still in the box.',
        recordNumber:
          'This looks like a record number ({found}). Please rephrase without it. What you wrote is still in the box.',
      },
    },
  },
  questions: {
    'bh.strategy': 'Which teaching strategy will you explore?',
    'bh.complexity': 'What makes this situation complex?',
    'bh.focus': 'What should your peer watch for and give feedback on?',
    'bh.safety':
      'What would help you feel safe being observed? (How your peer is introduced to the learner and patient, what stays between you.)',
    'bo.attention': 'What will you pay attention to?',
    'ao.worked': 'What worked? Be specific: what did you see and hear?',
    'ao.focus': "On the host's chosen focus, what did you see?",
    'ao.learner': 'How did the learner seem to experience it?',
    'ao.try': 'What might the host try next time?',
    'ao.contrast': 'What will you take into your own supervision?',
    'ah.plan': 'How did it go compared with your plan?',
    'ah.noticed': 'What did you notice while being observed?',
    'ah.learner': 'What do you think the learner experienced?',
    'ah.discuss': 'What do you want to discuss with your peer?',
    'ah.safety': 'How safe did being observed feel? (1–5; only ever reported in aggregate)',
    'fu.tried': 'Did you try it?',
    'fu.happened': 'What happened?',
  },
  choices: { yes: 'Yes', partly: 'Partly', no: 'Not yet' },
  summary: {
    title: 'Your observation on {when}: side by side',
    intro: "{host}'s reflection and {observers}'s feedback, by theme.",
    hostSaid: '{name} (host)',
    observerSaid: '{name} (observer)',
    missing: 'Sent at the deadline: {names} did not answer this time.',
    talkTitle: 'For your conversation',
    actionsTitle: 'Action points',
    talk1: 'What surprised each of you?',
    talk2: 'What did the learner get from it — and what might they have needed?',
    talk3: 'What will each of you try next time you supervise?',
    actionPoint: 'An action point for yourself',
    actionPlaceholder: 'e.g. Ask the student to summarise before I give feedback',
    addAction: 'Add action point',
    returnVisit: 'Schedule the return visit (roles swapped)',
    actionAdded: {
      one: 'Action point saved. I will ask you in {count} week how it went.',
      other: 'Action point saved. I will ask you in {count} weeks how it went.',
    },
    actionAddedLocal: {
      one: 'Action point saved. This is a local run, so I will ask you in {count} minute how it went.',
      other: 'Action point saved. This is a local run, so I will ask you in {count} minutes how it went.',
    },
    actionEmpty: 'Write the action point first.',
    actionTooLong: 'Please keep the action point under 500 characters.',
    actionIdentifier: {
      personnummer:
        'Not saved: the action point looks like it holds a personal identity number ({found}). Please write it again without it.',
      samordningsnummer:
        'Not saved: the action point looks like it holds a coordination number ({found}). Please write it again without it.',
      reservnummer:
        'Not saved: the action point looks like it holds a temporary identity number ({found}). Please write it again without it.',
      dateOfBirth:
        'Not saved: the action point looks like it holds a date of birth ({found}). Please write it again without it.',
      phone:
        'Not saved: the action point looks like it holds a phone number ({found}). Please write it again without it.',
      email:
        'Not saved: the action point looks like it holds an e-mail address ({found}). Please write it again without it.',
      recordNumber:
        'Not saved: the action point looks like it holds a record number ({found}). Please write it again without it.',
    },
    historyTitle: 'Your past summaries',
    historyNone:
      'No summaries yet: they arrive after both of you have answered the cards after an observation.',
    safetyRating: 'Feeling safe (1–5)',
  },
} as const;

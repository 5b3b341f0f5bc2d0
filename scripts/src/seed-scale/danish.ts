/** Word lists for Danish-looking data: names, places, companies, plan goals and milestones. */

export const FEMALE_NAMES = [
  'Anne', 'Kirsten', 'Hanne', 'Mette', 'Anna', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Lone', 'Camilla',
  'Pia', 'Louise', 'Charlotte', 'Tina', 'Gitte', 'Bente', 'Jette', 'Karen', 'Julie', 'Emma', 'Ida', 'Sofie', 'Laura',
  'Freja', 'Clara', 'Mathilde', 'Caroline', 'Line', 'Sara', 'Nanna', 'Cecilie', 'Signe', 'Katrine', 'Maja', 'Ulla',
  'Birgitte', 'Inge', 'Rikke', 'Trine', 'Malene', 'Stine', 'Amalie', 'Josefine', 'Fatima', 'Amira', 'Yasmin',
];
export const MALE_NAMES = [
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Martin', 'Niels', 'Anders', 'Morten',
  'Jesper', 'Mads', 'Rasmus', 'Per', 'Hans', 'Jørgen', 'Christian', 'Mikkel', 'Frederik', 'Kasper', 'Jonas',
  'Mathias', 'Emil', 'Oliver', 'William', 'Lucas', 'Noah', 'Magnus', 'Oscar', 'Victor', 'Tobias', 'Simon', 'Bent',
  'Svend', 'Ole', 'Kim', 'Brian', 'Claus', 'Torben', 'Allan', 'Kenneth', 'Dennis', 'Ali', 'Mohammed', 'Ahmad',
];
export const LAST_NAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen',
  'Lund', 'Schmidt', 'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen',
  'Jeppesen', 'Mogensen', 'Jacobsen', 'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Dam', 'Skov', 'Friis',
  'Bach', 'Berg', 'Dahl', 'Østergaard', 'Thygesen', 'Damgaard', 'Mathiesen', 'Ahmed', 'Hussein', 'Yilmaz',
];
export const STREETS = [
  'Algade', 'Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Kirkevej', 'Skolevej', 'Møllevej', 'Engvej',
  'Skovvej', 'Birkevej', 'Egevej', 'Bøgevej', 'Lindevej', 'Strandvejen', 'Stationsvej', 'Havnegade', 'Torvet',
  'Ringvejen', 'Bakkevej', 'Rosenvænget', 'Violvej', 'Fasanvej', 'Tværgade', 'Nyvej', 'Fabriksvej',
];
export const TOWNS = ['Ringe', 'Ryslinge', 'Odense', 'Svendborg', 'Faaborg', 'Nyborg', 'Kerteminde', 'Middelfart', 'Assens', 'Vejle', 'Kolding'];

export const RELATIONS = ['mor', 'far', 'søster', 'bror', 'ægtefælle', 'kæreste', 'ven', 'støttekontaktperson', 'mentor', 'datter', 'søn'];

export const DREAMS = [
  'Jeg vil gerne have et fast arbejde, hvor jeg kan bruge mine hænder.',
  'At komme i gang med en uddannelse og have en hverdag med struktur.',
  'Et job med kolleger, hvor jeg føler mig som en del af noget.',
  'At få det bedre med mig selv og kunne klare mig uden hjælp.',
  'At arbejde med dyr eller natur, gerne udendørs.',
  'At blive uddannet og få en lærlingeplads.',
  'At kunne være noget for mine børn og have overskud.',
];
export const STRENGTHS = ['mødestabil', 'god med hænderne', 'hjælpsom', 'god til at lytte', 'praktisk', 'kreativ', 'har kørekort', 'ordentlig', 'nysgerrig', 'god til IT', 'tålmodig', 'stærk fysik'];

export const GOALS = [
  'Uddannet anlægsgartner og derefter fast arbejde',
  'Fast job i detailhandlen, 25 timer om ugen',
  'Ordinært job som lagermedarbejder',
  'Påbegynde erhvervsuddannelse som tømrer',
  'Job i plejesektoren (SOSU-hjælper)',
  'Fleksjob med skånehensyn inden for kontor',
  'Tilbage til eget fag som mekaniker',
  'Job i køkken eller kantine',
  'Afklaring af arbejdsevne og en holdbar plan for forsørgelse',
  'Stabil hverdag med struktur og aktivitet 15 timer om ugen',
  'Uddannelse på HF og derefter videre uddannelse',
  'Job som chauffør med kørekort C',
];
export const PERSPECTIVES = [
  'Jeg vil gerne i gang, men det skal være i mit eget tempo.',
  'Jeg har brug for hjælp til at få styr på hverdagen først.',
  'Jeg er klar til at prøve noget nyt.',
  'Det vigtigste for mig er at komme ud blandt andre mennesker.',
  null,
];
export const MILESTONES = [
  'Møde op til samtaler hver 14. dag',
  'Tale med egen læge om helbred og arbejdsevne',
  'Deltage i gruppeforløb om trivsel',
  'Lave et CV sammen med jobkonsulenten',
  'Søge fem relevante job',
  'Starte i virksomhedspraktik',
  'Gå en tur hver dag i 30 minutter',
  'Komme op kl. 7 på hverdage',
  'Tage truckcertifikat',
  'Besøge en uddannelsesinstitution',
  'Afklare økonomi med gældsrådgiver',
  'Deltage i netværksmøde med familie',
  'Arbejde 10 timer om ugen i praktikken',
  'Øge til 20 timer om ugen',
  'Søge optagelse på uddannelse',
];
export const PERIOD_STATUS = [
  'Gode fremskridt; møder stabilt op.',
  'Perioden har været svær pga. helbred, men kontakten er bevaret.',
  'Praktikken fungerer godt; timetallet kan øges.',
  'Mål delvist nået; vi justerer tempoet.',
];
export const NEXT_GOALS = [
  'Fortsætte i praktik og øge timetallet.',
  'Afklare helbred med egen læge og genoptage aktivitet.',
  'Søge job og uddannelse sammen med jobkonsulenten.',
  'Deltage i gruppeforløb og holde struktur i hverdagen.',
];
export const MEETING_SUMMARIES = [
  'Vi talte om ugen der gik og aftalte næste skridt.',
  'Borgeren fortalte om praktikken; det går godt.',
  'Gåtur i parken; fokus på søvn og struktur.',
  'Opfølgning på aftaler; borgeren har søgt to job.',
  'Borgeren har haft en svær periode; vi holder fast i kontakten.',
];
export const AGREEMENTS = ['Borgeren kontakter egen læge', 'Jobkonsulenten finder en praktikplads', 'Borgeren søger tre job', 'Næste samtale som gåtur', 'Borgeren deltager i gruppeforløbet'];
export const LOCATIONS = ['Jobcentret, mødelokale 1', 'Jobcentret, mødelokale 2', 'Hjemme hos borgeren', 'Gåtur fra jobcentret', 'Borgerservice', 'Online (video)'];

export const COURSE_TITLES: Record<string, string> = {
  MEDITATION_RELAXATION: 'Ro på – meditation og afspænding',
  EXERCISE_WELLBEING: 'Bevægelse og trivsel',
  PSYCHOEDUCATION: 'Viden om stress og angst',
  POSITIVE_PSYCHOLOGY: 'Styrker og håb – positiv psykologi',
  EVERYDAY_WELLBEING: 'Trivsel i hverdagen',
};

export const COMPANY_WORDS = ['Fyns', 'Ringe', 'Nordic', 'Dansk', 'Midtfyn', 'Vest', 'Øst', 'Syd', 'Havne', 'Skov', 'Bakke', 'Ny', 'Grøn', 'Blå'];
export const INDUSTRIES: Record<string, string> = {
  Anlægsgartner: 'Anlæg og have',
  Byg: 'Bygge og anlæg',
  Auto: 'Autobranchen',
  Lager: 'Transport og lager',
  Køkken: 'Hotel og restauration',
  Pleje: 'Sundhed og omsorg',
  Dagligvarer: 'Detailhandel',
  Metal: 'Industri',
  Rengøring: 'Service',
  IT: 'Information og kommunikation',
};
export const COMPANY_SUFFIX = ['ApS', 'A/S', 'I/S', 'K/S'];
export const FOLLOW_UP_NOTES = ['Kort opfølgning på telefon med mentor.', 'Besøg på arbejdspladsen; det går godt.', 'Borgeren har haft fravær; aftalt at følge op.', 'Samtale med leder om timetal.'];
export const CANCEL_REASONS = ['Borgeren blev syg', 'Virksomheden trak sig', 'Borgeren fik ordinært job et andet sted'];

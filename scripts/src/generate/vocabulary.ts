/**
 * Swedish word pools for the synthetic bank. Search benchmarks are only meaningful when the text
 * has a realistic spread of distinct words (with å, ä and ö), so the pools are large and
 * compounds are built from them rather than repeating a handful of phrases.
 */

export const THEMES = [
  'Lokal förankring', 'Samverkan', 'Medborgarinflytande', 'Långsiktighet', 'Lärande och uppföljning',
  'Gemensam målbild', 'Mandat och styrning', 'Resurser', 'Trygghet', 'Arbete och sysselsättning',
  'Skola och utbildning', 'Boende och bebyggelse', 'Hälsa', 'Barn och unga', 'Föräldraskap',
  'Kultur och fritid', 'Civilsamhälle', 'Integration', 'Jämställdhet', 'Språkutveckling',
  'Näringsliv och entreprenörskap', 'Kommunikation och spridning', 'Organisationskultur',
  'Nytänkande och metodutveckling', 'Social hållbarhet', 'Stadsplanering', 'Miljö och grönområden',
  'Äldres livsvillkor', 'Brottsförebyggande arbete', 'Digital delaktighet', 'Ekonomisk utsatthet', 'Förtroende',
] as const;

export const METHOD_BASES = [
  'Brobyggare', 'Mötesplatser', 'Utvecklingscentrum', 'Etnografi', 'Tjänstedesign', 'Prototypning',
  'Medborgardialog', 'Trygghetsvandringar', 'Samverkansavtal', 'Lokal utvecklingsplan', 'Följeforskning',
  'Fokusgrupper', 'Språkcaféer', 'Läxhjälp', 'Arbetsintegrerande sociala företag', 'Boendedialog',
  'Områdesgrupper', 'Föräldrastöd', 'Uppsökande verksamhet', 'Feriearbeten', 'Mentorskap', 'Stadsodling',
  'Medskapande verkstäder', 'Lärande nätverk', 'Effektkedjor', 'Sociala investeringar', 'Platssamverkan',
  'Hälsoskolor', 'Kulturskola i området', 'Samhällsvägledning', 'Praktikplatser', 'Idéslussar',
  'Grannsamverkan', 'Fältarbete', 'Öppen förskola', 'Bostadsnära rådgivning', 'Studiecirklar',
  'Omvärldsbevakning', 'Gemensam lägesbild', 'Tidiga insatser',
] as const;

export const METHOD_QUALIFIERS = [
  'för unga', 'i bostadsområdet', 'med civilsamhället', 'för nyanlända', 'i skolan', 'för äldre',
  'på biblioteket', 'med fastighetsägare', 'i stadsdelen', 'för föräldrar', 'med näringslivet', 'digitalt',
] as const;

export const MUNICIPALITIES = [
  'Malmö', 'Göteborg', 'Stockholm', 'Uppsala', 'Örebro', 'Västerås', 'Norrköping', 'Linköping', 'Helsingborg',
  'Jönköping', 'Umeå', 'Lund', 'Borås', 'Södertälje', 'Eskilstuna', 'Gävle', 'Växjö', 'Halmstad', 'Botkyrka',
  'Karlstad', 'Sundsvall', 'Östersund', 'Trollhättan', 'Luleå', 'Landskrona', 'Kristianstad', 'Skövde',
  'Haninge', 'Huddinge', 'Järfälla', 'Sigtuna', 'Borlänge', 'Falun', 'Kalmar', 'Karlskrona', 'Uddevalla',
  'Motala', 'Nyköping', 'Skellefteå', 'Trelleborg', 'Ängelholm', 'Värnamo', 'Lidköping', 'Kiruna', 'Åmål',
] as const;

export const PLACE_PREFIXES = ['Norra', 'Södra', 'Östra', 'Västra', 'Övre', 'Nedre', 'Gamla', 'Nya', 'Stora', 'Lilla'] as const;
export const PLACE_STEMS = [
  'Björk', 'Ek', 'Lind', 'Gran', 'Sjö', 'Äng', 'Berg', 'Dal', 'Hög', 'Ros', 'Kvarn', 'Mölle', 'Strand', 'Skogs',
  'Bäck', 'Holm', 'Sol', 'Löv', 'Åker', 'Hag', 'Tall', 'Ås', 'Fager', 'Hammar', 'Kungs', 'Lärk', 'Näs', 'Rön', 'Vall', 'Öster',
] as const;
export const PLACE_ENDINGS = [
  'gården', 'dalen', 'berget', 'ängen', 'holmen', 'torp', 'vik', 'hagen', 'höjden', 'backen', 'lund', 'staden',
  'bo', 'parken', 'by', 'näs', 'ö', 'sund', 'slätt', 'fältet',
] as const;

export const ORGANISATION_PATTERNS: Record<string, readonly string[]> = {
  municipality: ['{m} kommun', '{m} stad', 'Stadsdelsförvaltning {p}'],
  region: ['Region {m}', 'Länsstyrelsen i {m}'],
  state_agency: ['Arbetsförmedlingen {m}', 'Försäkringskassan {m}', 'Polisområde {m}', 'Skolverkets regionala stöd {m}'],
  eu: ['EU-kontoret {m}', 'Socialfondsprojekt {p}'],
  non_profit: ['Föreningen {p}', 'Hyresgästföreningen {p}', 'Idrottsklubben {p}', 'Kvinnojouren {m}', 'Studieförbundet {p}'],
  university: ['{m} universitet', 'Högskolan i {m}', 'Forskningsmiljön för {t} i {m}'],
  company: ['{p} Konsult AB', '{p} Bygg AB', 'Utvecklingsbolaget {p}'],
  housing_company: ['Bostadsbolaget {p}', '{m}hem', 'Allmännyttan i {m}'],
  network: ['Nätverket för {t}', 'Samverkansforum {m}'],
  foundation: ['Stiftelsen {p}', 'Fonden för {t}'],
  other: ['Arbetsgruppen {p}', 'Referensgruppen {m}'],
};

/** First halves of compounds: with HEADS they give a few thousand distinct Swedish words. */
export const MODIFIERS = [
  'trygghets', 'samverkans', 'boende', 'skol', 'fritids', 'kultur', 'hälso', 'arbetsmarknads', 'integrations',
  'föräldra', 'ungdoms', 'stadsdels', 'områdes', 'utvecklings', 'lärande', 'dialog', 'förebyggande', 'social',
  'närings', 'förenings', 'bibliotek', 'demokrati', 'välfärds', 'jämställdhets', 'språk', 'miljö', 'grannskaps',
  'förvaltnings', 'uppföljnings', 'utvärderings', 'finansierings', 'kompetens', 'organisations', 'invånar',
  'mötes', 'förtroende', 'rekryterings', 'läxhjälps', 'stöd', 'vägledning', 'idrotts', 'sysselsättnings',
] as const;

export const HEADS = [
  'arbete', 'insats', 'satsning', 'program', 'projekt', 'grupp', 'plan', 'modell', 'process', 'nätverk', 'råd',
  'forum', 'verksamhet', 'samordnare', 'strategi', 'rapport', 'budget', 'struktur', 'kultur', 'frågor', 'behov',
  'resurser', 'ansvar', 'uppdrag', 'mål', 'metod', 'kunskap', 'erfarenheter', 'lokaler', 'möten', 'aktiviteter',
  'personal', 'organisation', 'kedja', 'avtal', 'perspektiv', 'förutsättningar', 'utbud', 'träffar', 'samtal',
] as const;

export const ADJECTIVES = [
  'långsiktig', 'lokal', 'gemensam', 'tydlig', 'bred', 'kontinuerlig', 'flexibel', 'strukturerad', 'öppen',
  'förankrad', 'uthållig', 'målinriktad', 'tvärsektoriell', 'behovsstyrd', 'kunskapsbaserad', 'jämlik',
  'inkluderande', 'förebyggande', 'sammanhållen', 'stabil', 'konkret', 'ömsesidig', 'systematisk', 'närvarande',
] as const;

export const ACTORS = [
  'stadsdelsförvaltningen', 'bostadsbolaget', 'skolan', 'socialtjänsten', 'polisen', 'föreningslivet',
  'fritidsgården', 'biblioteket', 'arbetsförmedlingen', 'regionen', 'näringslivet', 'boende i området',
  'unga vuxna', 'föräldrarna', 'tjänstepersonerna', 'styrgruppen', 'projektledningen', 'forskarna',
  'hyresgästföreningen', 'vårdcentralen', 'kyrkan', 'studieförbunden', 'kommunledningen', 'fältassistenterna',
] as const;

export const VERBS = [
  'stärkte', 'försvagade', 'underlättade', 'försvårade', 'byggde upp', 'förändrade', 'utvecklade', 'prövade',
  'förankrade', 'samordnade', 'följde upp', 'dokumenterade', 'finansierade', 'organiserade', 'ledde', 'spred',
  'förlängde', 'omprövade', 'synliggjorde', 'bidrog till', 'skapade', 'begränsade', 'breddade', 'fördjupade',
] as const;

export const OUTCOMES = [
  'fler i arbete', 'ökad trygghet', 'bättre skolresultat', 'större deltagande i föreningslivet',
  'minskad skadegörelse', 'starkare tillit mellan boende och myndigheter', 'nya mötesplatser',
  'en hållbar organisation efter projekttiden', 'färre avhopp från gymnasiet', 'bättre hälsa bland äldre',
  'ökat valdeltagande', 'fler företag i området', 'ett levande centrum', 'kortare väntetider', 'tätare samarbete',
] as const;

export const OBSTACLES = [
  'kortsiktig projektfinansiering', 'otydliga mandat', 'hög personalomsättning', 'bristande förankring',
  'svag uppföljning', 'stuprörstänkande mellan förvaltningar', 'för många parallella projekt',
  'oklara mål', 'bristande lokaler', 'språkbarriärer', 'låg delaktighet bland boende', 'tung byråkrati',
  'konflikter om resurser', 'att kunskapen försvann när projektet tog slut',
] as const;

export const CONNECTIVES = [
  'Samtidigt', 'Därför', 'Dessutom', 'Under andra året', 'I början', 'Efter hand', 'Enligt utvärderingen',
  'I intervjuerna', 'Vid uppföljningen', 'Till en början', 'På sikt', 'I praktiken', 'Framför allt',
] as const;

export const FIRST_NAMES = ['Anna', 'Erik', 'Fatima', 'Johan', 'Maria', 'Ahmed', 'Karin', 'Lars', 'Sara', 'Mehmet', 'Åsa', 'Björn', 'Elin', 'Nils', 'Leila', 'Göran', 'Ingrid', 'Omar'] as const;
export const LAST_NAMES = ['Andersson', 'Berg', 'Lindqvist', 'Holm', 'Nilsson', 'Öberg', 'Sjöström', 'Karlsson', 'Åberg', 'Hassan', 'Lundgren', 'Ekström', 'Yilmaz', 'Wallin', 'Björk', 'Fransson'] as const;

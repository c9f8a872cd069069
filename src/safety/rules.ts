import type { Pattern } from './matcher';

export const DANGER_CATEGORIES = [
  'general',
  'physical',
  'injury',
  'sexual',
  'online',
  'suicide',
  'self-harm',
  'forced-marriage-fgm',
  'witnessing',
  'neglect',
  'locked-alone',
  'threat',
  'emotional',
  'substance-crisis',
  'exploitation',
  'runaway',
] as const;
export type DangerCategory = (typeof DANGER_CATEGORIES)[number];

/**
 * One way danger shows in a message. `seq`: words in this order, each at most `gap` words after the
 * previous (default 2). `near`: all within `within` words of the first (default 6), any order. Both stay
 * within one sentence. `unless`: the rule is void when one of these words is in the same sentence.
 * `literal`: the phrase carries its own negation ("traut sich nicht nach Hause") and is never denied.
 */
export interface Rule {
  readonly category: DangerCategory;
  readonly level: 'clear' | 'weak';
  readonly seq?: readonly Pattern[];
  readonly gap?: number;
  readonly near?: readonly Pattern[];
  readonly within?: number;
  readonly unless?: Pattern;
  readonly literal?: boolean;
  /**
   * An injury the text explains elsewhere (sport, accident, operation) with nothing odd about it
   * (no excuse, no "angeblich", no repeat): the clear signal counts as weak – the line still shows.
   */
  readonly explainable?: boolean;
}

const clear = (category: DangerCategory, rule: Omit<Rule, 'category' | 'level'>): Rule => ({
  category,
  level: 'clear',
  ...rule,
});
const weak = (category: DangerCategory, rule: Omit<Rule, 'category' | 'level'>): Rule => ({
  category,
  level: 'weak',
  ...rule,
});

const FIGURATIVE =
  'theater*|stueck|gespielt|rolle|probe*|play|drama|*arbeit|klausur*|test|tests|pruefung*|exam*|vokabeltest|vorschlag*|vor|verstand|nerven|wahnsinn|deadline|frist|record|rekord|birds|fliegen|zeit|time|alarm|zurueck|ball|schlagzeug|tennis|tischtennis|trommel|wurzeln|bruecke|kapital|purzelbaum|@ORDINARY_CAUSE';
const MEDIA =
  'spiel*|game*|film*|video*|serie*|computerspiel*|praevention*|prevention|ag|projekt*|workshop*|thema|unterricht|geschichte|history|krieg|war|buch|book|roman|novel|referat|nachrichten|news|fortbildung*|training|reading|lesen|liest|lektuere';
const PARENTS = 'mutter|vater|mama|papa|eltern|mom|mum|dad|mother|father|parents|schicht*|shift*';

export const RULES: readonly Rule[] = [
  // Said outright.
  clear('general', {
    seq: ['kindeswohlgefaehrd*|kindeswohlgefahr*|kindesmisshandl*|kindesmissbrauch*|gefaehrdungsmeldung*'],
  }),
  clear('general', { near: ['kindeswohl*', 'gefaehrd*|gefahr|bedroht'], within: 4 }),
  clear('general', { seq: ['akut*|konkret*|unmittelbar*', 'gefahr|gefaehrd*'], gap: 1 }),
  clear('general', { seq: ['gefahr', 'im', 'verzug'] }),
  clear('general', { seq: ['lebensgefahr|lebensgefaehr*'] }),
  // The topic itself ("child protection training", "policy") is a question about the procedure, not a case.
  clear('general', {
    seq: ['child', 'protection|abuse|neglect'],
    gap: 1,
    unless:
      'training*|course*|policy|policies|procedure*|officer|lead|concept|workshop*|session*|module*|law|legal|fortbildung*|schulung*',
  }),
  clear('general', { seq: ['safeguarding'] }),
  clear('general', {
    seq: ['in|at', 'danger|gefahr'],
    gap: 0,
    unless: 'versetzung*|abschluss*|fire|brand|feuer|failing|fail|sitzen*|grade*|versetzt|projekt*',
  }),
  weak('general', {
    seq: ['gefaehrdet|gefaehrdung*|endangered|unsafe'],
    unless: 'versetzung*|abschluss*|versetzt|schulabschluss',
  }),

  // Violence against the child, by someone at home or nearby.
  clear('physical', {
    seq: ['gewalt|gewalttat*|gewalterfahr*|misshandel*|misshandl*|violence|violent|abuse|abused|abusive'],
    unless: MEDIA,
  }),
  clear('physical', {
    near: ['@AGENT', '@HIT'],
    within: 14,
    unless: `${FIGURATIVE}|mitschueler*|klassenkamerad*|andere|anderen|classmate*|others|other`,
  }),
  clear('physical', { seq: ['@AGENT', 'haut|hauen'], gap: 2 }),
  clear('physical', {
    seq: ['@AGENT', 'tritt|trat|treten', 'ihn|sie|den|die|das|ihm|ihr|jungen|kind|maedchen|mich|uns|ihnen'],
    gap: 1,
  }),
  clear('physical', {
    near: [
      'hals|kehle|gurgel|throat|neck',
      'packt|gepackt|drueckt|gedrueckt|zudrueck*|grabs|grabbed|squeez*|wuerg*|choke*|hand|haende|hands',
    ],
    within: 5,
  }),
  clear('physical', { seq: ['@PASSIVE', '@HIT'], gap: 4, unless: FIGURATIVE }),
  clear('physical', {
    seq: ['geschlagen|verpruegelt|gepruegelt|verhauen|gewuergt|misshandelt|geohrfeigt|getreten'],
    unless: FIGURATIVE,
  }),
  clear('physical', {
    seq: ['beaten|slapped|punched|choked|strangled|whipped|smacked'],
    unless: 'deadline|record|birds|jackpot|button|target|@ORDINARY_CAUSE',
  }),
  weak('physical', { seq: ['@HIT'], unless: FIGURATIVE }),

  // Injuries, described without naming violence.
  clear('injury', { seq: ['@INJURY_MARK'], unless: '@ORDINARY_CAUSE', explainable: true }),
  clear('injury', { seq: ['@STRONG_MARK'] }),
  // Kept from school until nothing shows ("erst wieder kommen, wenn man den Gürtel nicht mehr sieht").
  clear('injury', {
    near: [
      'bis|until|till|erst|wenn',
      'nichts|nix|nicht|no|nothing|longer|anymore',
      'sieht|sehen|sichtbar|see|seen|show|shows|visible',
      'hause|zuhause|daheim|kommen|kommt|home|school|schule|stays|stay|bleibt|kept',
    ],
    within: 12,
    literal: true,
    unless: '@ORDINARY_CAUSE|laeuse|lice|ausschlag|rash|bindehaut*|augenentzuend*|pickel|akne|spots',
    explainable: true,
  }),
  clear('injury', {
    near: ['haaren|haare|hair', 'gezogen|zieht|zog|gerissen|reisst|ausgerissen|pulled|pulls|dragged|drags|yanked'],
    within: 5,
    unless: 'schulhof|pause|mitschueler*|classmate*|streit',
  }),
  clear('injury', { seq: ['@BLUE', '@SPOT'], gap: 1, unless: '@ORDINARY_CAUSE', explainable: true }),
  clear('injury', {
    near: ['@FRACTURE|stitches|genaeht|geschwollen*|swollen', '@SUSPICION'],
    within: 8,
    unless: '@ORDINARY_CAUSE',
    explainable: true,
  }),
  clear('injury', {
    near: [
      'zigarette*|kippe*|cigarette*|buegeleisen|herdplatte|feuerzeug|lighter|iron',
      'brand*|wunde*|narb*|ausgedrueckt|ausdrueck*|drueckt|burn*|mark*|scar*|arm|arme|haut|skin|arms',
    ],
    within: 10,
  }),
  clear('injury', {
    seq: ['burn|brand|cigarette|zigaretten', 'marks|mark|wounds|scars|blisters|flecken|male'],
    gap: 1,
  }),
  weak('injury', {
    seq: ['@INJURY_MARK|@FRACTURE'],
    unless: 'schulpflicht*|pflicht*|aufsichtspflicht*|datenschutz*|regel*|vorschrift*|law|rules|duty|gesetz*',
  }),

  // Sexual abuse, told indirectly.
  clear('sexual', {
    seq: ['@SEXUAL'],
    unless:
      'entschuldigung*|attest*|krankschreib*|alkohol*|drogen|medikament*|substanz*|aufklaerung*|sexualkunde*|sexualerziehung|unterricht|education|ed|lesson*|projekt*',
  }),
  clear('sexual', {
    near: [
      '@TOUCH',
      '@NAKED|unten|beine|brust|po|popo|hose|private|places|inappropriate*|komisch*|falsch*|bett|between|unangenehm*',
    ],
    within: 6,
  }),
  clear('sexual', {
    near: [
      '@SECRET',
      'unser|unseres|our|verraten|erzaehl*|tell|telling|keep|niemandem|nobody|darf',
      '@AGENT|trainer|nachbar*|neighbour*|neighbor*|coach|game|spiel',
    ],
    within: 12,
  }),
  clear('sexual', {
    near: [
      'niemandem|keinem|nobody|noone|anyone|niemand|nicht|not|dont',
      'erzaehl*|sagen|verraten|tell|telling|say',
      '@SECRET|darf|duerfe|soll|solle|solls|must|allowed|trouble|aerger|sonst|otherwise|versprechen|promise',
    ],
    within: 4,
    literal: true,
  }),
  clear('sexual', {
    near: [
      'nachts|night|nacht',
      'zimmer|bett|room|bed|bad|bathroom|dusche',
      'kommt|kam|holt|komme|comes|came|geht|gets|takes',
    ],
    within: 6,
  }),
  clear('sexual', {
    near: [
      'hose|unterhose|pants|trousers|unterwaesche',
      'ohne|aus|runter|without|off|down|ausgezogen',
      'mann|onkel|opa|papa|vater|man|uncle|stiefvater|stepdad|er|he|bett|bed',
    ],
    within: 5,
    unless: 'sport|umziehen|turn*|schwimm*|gym|pe|swim*',
  }),
  clear('sexual', {
    near: [
      'dusch*|shower*|umkleide*|changing|badewanne|bath',
      'fotos|foto|filmt|gefilmt|pictures|photos|video|allein|alone|nackt*|zusammen|together',
    ],
    within: 6,
    unless: 'sport|turn*|schwimm*|gym|pe|swim*|klassenfahrt|regel*|rule*',
  }),
  clear('sexual', {
    near: ['schmerz*|pain|weh|hurts', 'sitzen|sitting|sit|toilette|pinkeln|wasserlassen|pee|peeing'],
    within: 4,
  }),
  clear('sexual', {
    near: [
      'kuscheln|kuschelt|decke|schoss|lap|cuddl*|spezielles|special',
      'weh|schmerz*|hurts|pain|komisch*|unangenehm*|geheim*|secret|mag|spiel|game',
    ],
    within: 6,
    unless: 'mama|mutter|mum|mom|hund|katze|dog|cat|teddy',
  }),
  clear('sexual', { seq: ['grown|erwachsenen*', 'up|films|filme|videos|movies', 'films|movies|videos|filme'], gap: 1 }),
  clear('sexual', { seq: ['erwachsenenfilm*|erwachsenenvideo*|pornofilm*'] }),
  clear('sexual', {
    near: [
      '@TOUCH',
      'him|her|ihn|sie|ihm|ihr',
      '@AGENT|makes|macht|muss|zwingt|forces|nachbar*|neighbour*|neighbor*|trainer|coach|lehrer|teacher',
    ],
    within: 6,
  }),
  clear('sexual', {
    seq: ['sleep|sleeps|slept|sleeping|schlafen', 'together|zusammen|with|mit'],
    gap: 0,
    unless: 'klassenfahrt|trip|tent|zelt|party|freundin|friends|freunden',
  }),
  clear('sexual', {
    near: ['@NAKED', '@PICTURES|zeigen|zeigt|filmt|gefilmt|ausziehen|auszieh*|show*|undress*'],
    within: 5,
  }),
  clear('sexual', { seq: ['zu|too', 'nahe|nah|close', 'gekommen|kommt|kam|getreten|comes|came|gets'], gap: 1 }),
  clear('sexual', {
    near: ['schmerz*|blut*|pain|bleeding|wund*', 'unterleib*|intim*|scheide|genital*|po|popo'],
    within: 4,
  }),
  clear('sexual', {
    near: ['uebernachtet|schlaeft|sleeps|stays|bett|bed', 'aelter*|erwachsen*|onkel|nachbar*|mann|older|adult|man'],
    within: 5,
    // "liegt laut Nachbarn bis mittags im Bett": a source and sleeping in, not a man in the child's bed.
    unless:
      'oma|opa|grandma|grandpa|tante|freundin|freund|geburtstag*|klassenfahrt|laut|according|mittags|noon|aufstehen|aufzustehen',
  }),

  // Online: grooming and sextortion.
  clear('online', { near: ['@THREAT', '@PICTURES|@NAKED'], within: 8 }),
  clear('online', { seq: ['nacktbild*|nacktfoto*|nacktvideo*|nacktaufnahme*|nudes|nude|intimfoto*|intimbild*'] }),
  clear('online', {
    near: [
      '@STRANGER|jemand|someone|somebody|er|he',
      'guthaben|geschenk*|gift*|gifts|robux|vbucks|geld|money|liebt|loves|love',
    ],
    within: 6,
    unless: 'eltern|parents|lehrer*|teacher*|taschengeld|schule|school|bussgeld*|fine',
  }),
  clear('online', {
    near: ['@STRANGER', '@ONLINE|treffen|getroffen|trifft|meet|meeting|met'],
    within: 8,
    unless:
      'lehrer*|teacher*|sozialarbeit*|jugendamt|elterngespraech*|gespraech*|termin*|fachstelle|beratung*|schulleit*|konferenz*',
  }),
  clear('online', {
    near: [
      '@PICTURES',
      'schicken|schickt|geschickt|senden|sendet|gesendet|verlangt|fordert|send|sent|sending|asks|asked|asking|ask|demands|wants|wanted|want',
    ],
    within: 4,
    unless:
      'lehrer*|teacher*|hausaufgab*|homework|referat|schule|klasse|attest*|arzt|krankmeldung|entschuldigung|zeugnis*|ausflug|klassenfoto*|fotograf*|trip|urlaub|holiday|mail|email|formular*|gips|verband|feuerwehr*',
  }),
  clear('online', { seq: ['modelagent*|sugardaddy|loverboy*|sextortion|cybergrooming|grooming|groomed'] }),

  // Suicide: plans and wishes in everyday words.
  clear('suicide', { seq: ['@SUICIDE'] }),
  clear('suicide', {
    near: ['@WANT|nicht|bald|soon|eh|sowieso|anyway', 'sterben|tot|dead'],
    within: 3,
    unless:
      'lachen|lache|lol|langeweile|boredom|embarrass*|peinlich*|blumen|pflanze|hamster|katze|hund|pet|dog|cat|fisch|opa|oma|grandma|grandpa|umfallen',
  }),
  clear('suicide', { seq: ['to', 'die'], gap: 0, unless: 'boredom|laughing|embarrass*|dye|hair|pet|dog|cat|hamster' }),
  clear('suicide', {
    seq: [
      'nicht|nie|no|not|never',
      'mehr|longer|anymore|wieder|again',
      'leben|da|aufwachen|weiterleben|existieren|live|here|wake|exist|sein|be',
    ],
    gap: 3,
    literal: true,
    unless: 'lust|bock|schule|school|unterricht|class|kommen|come|gesehen|seen|erreichbar|reachable',
  }),
  clear('suicide', { seq: ['leben', 'nicht', 'mehr'], gap: 2, literal: true }),
  clear('suicide', {
    near: ['kein*|no|nicht', 'sinn|sense|point|reason', 'leben|life|live|living'],
    within: 4,
    literal: true,
  }),
  clear('suicide', {
    near: [
      'umbringen|umbring*|toeten|kill|killing|end|beenden|ending',
      'sich|mich|myself|herself|himself|themselves|life|leben|it',
    ],
    within: 3,
    unless: 'verstand|nerven|wahnsinn|deadline|frist|exam|test|klausur|papierkram|paperwork|kopf|weekend|day|week',
  }),
  clear('suicide', {
    near: ['besser|better|leichter|easier', 'ohne|without', 'mich|ihn|sie|me|him|her|uns'],
    within: 6,
    literal: true,
  }),
  // "Es wäre für alle leichter, wenn er einfach weg ist": better for everyone if the child were gone.
  clear('suicide', {
    near: [
      'besser|better|leichter|easier|einfacher',
      'wenn|if',
      'ich|er|sie|i|he|she',
      'weg|verschwinde|verschwindet|verschwunden|gone|disappeared|tot|dead',
    ],
    within: 8,
    literal: true,
  }),
  clear('suicide', { seq: ['wont|wouldnt|not|never|nicht', 'be', 'around|here|alive|there'], gap: 1, literal: true }),
  clear('suicide', {
    near: ['pills|tabletten|tablets|pillen|medikamente', 'too|zu|toedlich*|lethal|overdose|ueberdosis|sterben|wie'],
    within: 4,
    unless: 'vergessen|forgot|forget|allergie*|allergy',
  }),
  clear('suicide', {
    near: [
      'goodbye|lebwohl|farewell|abschied|verabschiedet',
      'sorry|entschuldig*|everything|alles|letzte|last|brief|letter|forever|immer',
    ],
    within: 6,
  }),
  clear('suicide', {
    near: ['danke|thanks|thank', 'alles|everything', 'weg|gone|bye|tschuess|goodbye|vorbei|over|abschied|ende|end'],
    within: 8,
  }),
  clear('suicide', {
    near: [
      'sachen|things|stuff|belongings|besitz|lieblings*',
      'bekommen|bekommt|kriegt|kriegen|erben|erbt|get|gets|inherit*|haben',
    ],
    within: 4,
    unless: 'fundbuero|lost|schulsachen|verloren|vergessen|forgot|abholen|pick',
  }),
  // "Brauche ich bald nicht mehr", "werde ich nicht mehr brauchen", "won't need it anymore" – not "die Familie
  // braucht mehr Unterstützung" (more of something) after a "nicht" of another clause.
  ...[
    ['brauch*|braucht|brauche', 'nicht|nie', 'mehr'],
    ['nicht|nie', 'mehr', 'brauch*|braucht|brauche'],
    ['wont|not|never', 'need', 'anymore|longer'],
  ].map((seq) =>
    clear('suicide', {
      seq,
      gap: 4,
      literal: true,
      unless: 'hilfe|help|nachhilfe|attest*|entschuldigung*|formular*|buecher|books|brille',
    }),
  ),
  clear('suicide', {
    near: ['plan|plaene|plans|planned|geplant|ueberlegt|thought', 'wie|how', 'es|it'],
    within: 6,
    unless: 'lernen|study|referat|hausaufgab*|homework|klassenfahrt|trip|urlaub|holiday|party|geburtstag*',
  }),
  clear('suicide', {
    near: ['plan|plaene|plans|planned|geplant|ueberlegt|thought', 'sterben|umbringen|umzubringen|tot|dying'],
    within: 4,
  }),
  clear('suicide', { seq: ['plan|plans|planned|planning|planing', 'to', 'die'], gap: 0 }),
  clear('suicide', { seq: ['better', 'off', 'without'], gap: 1, literal: true }),
  clear('suicide', {
    near: [
      'gleis*|schienen|bruecke*|hochhaus*|dach|tracks|bridge*|rooftop*|roof',
      'traut|traue|trauen|springen|springt|jump*|dare|dares',
    ],
    within: 10,
    unless: 'trampolin*|schwimm*|pool|becken|turm|sprungbrett|ski*|spiel*|game*',
  }),
  clear('suicide', {
    near: [
      'verschenkt|verschenken|verteilt|weggegeben|gives|giving|gave|given',
      'sachen|lieblings*|besitz|things|stuff|belongings|everything|alles|away|weg|konsole|console|handy|phone|hund|dog|katze|cat|haustier*|pet',
    ],
    within: 5,
  }),
  clear('suicide', {
    near: [
      'tabletten|pillen|pills|tablets',
      'gesammelt|sammelt|geschluckt|schlucken|horten|hortet|collect*|swallow*|stash*',
    ],
    within: 4,
  }),
  clear('suicide', {
    near: [
      'springen|spring*|jump*',
      'bruecke|*bruecke|dach|*dach|hochhaus*|zug|gleis*|fenster|bridge|roof|train|window|balkon',
    ],
    within: 5,
  }),
  clear('suicide', {
    near: ['abschied|verabschied*|goodbye|farewell', 'brief|nachricht|zettel|note|letter|message|messages|video'],
    within: 3,
  }),

  // Self-harm.
  clear('self-harm', {
    seq: ['@SELF_HARM'],
    unless:
      'op|operation|blinddarm*|kaiserschnitt|unfall*|accident|surgery|sturz|fahrrad*|knie|knee|kochen|kueche*|basteln|werken|cooking|genaeht',
  }),
  clear('self-harm', { seq: ['rasierklinge*|klinge|klingen|razor*|blade|blades|*klinge|*klingen'] }),
  clear('self-harm', {
    near: [
      'pflaster|verband|verbaende|verbunden|bandage*|plaster*|plasters',
      'handgelenk*|unterarm*|arme|arm|wrist*|arms|forearm*|beine|legs|oberschenkel*|thighs',
    ],
    within: 4,
  }),
  clear('self-harm', {
    near: [
      'kopf|head|fist|faust|faeuste|fists|knuckles|knoechel|hand|haende',
      'wand|wall|walls|waende|tisch|table',
      'schlaegt|schlagen|haut|bang*|punch*|hit*|hits|blut*|bleed*',
    ],
    within: 8,
  }),
  clear('self-harm', {
    near: [
      'cuts|cutting|cut|schneidet|ritzt|burns|verbrennt',
      'arms|legs|wrists|thighs|arme|beine|handgelenk*|unterarm*|oberschenkel*|skin|haut',
    ],
    within: 3,
    unless: 'hair|haare|papier|paper',
  }),
  clear('self-harm', {
    near: [
      'schneidet|schneiden|verletzt|verbrennt|brennt|cuts|cutting|hurts|burns|harms|harm|harming|kratzt|scratch*|aufgekratzt',
      'sich|selbst|herself|himself|themselves|self',
    ],
    within: 2,
    unless: '@ORDINARY_CAUSE|haare|hair|finger|kochen|basteln|schere|papier|werken|beim',
  }),
  clear('self-harm', {
    near: ['lange|long', 'aermel|sleeves|pulli|pullover|hoodie', 'sommer|hitze|heiss|warm|summer|hot|sport'],
    within: 8,
  }),
  // Harm done on purpose, or to oneself with a sharp thing, or until it bleeds.
  clear('self-harm', {
    near: [
      'absichtlich|mutwillig|purpose|deliberately|intentionally',
      'verbrannt|verbrennt|geschnitten|schneidet|geritzt|ritzt|gestochen|sticht|gekratzt|kratzt|burned|burnt|cut|cuts|scratched|stabbed',
    ],
    within: 4,
  }),
  clear('self-harm', {
    near: [
      'sticht|stach|gestochen|ritzt|geritzt|stabs|stabbed|pricks|jabs',
      'sich|herself|himself|themselves',
      'arm*|hand|haende|handflaeche*|haut|bein*|oberschenkel*|finger|skin|palm*|wrist*|thigh*',
    ],
    within: 8,
    unless: 'naeh*|sewing|versehentlich|ausversehen|accident*|biene*|wespe*|bee|wasp|insekt*|kaktus|cactus|dorn*',
  }),
  clear('self-harm', {
    near: ['scratched|scratches|scratching|kratzt|gekratzt|aufgekratzt', 'bled|bleed*|blut*|blood*'],
    within: 8,
    unless: 'mueck*|mosquito*|neurodermitis|ekzem*|eczema|allergi*|windpocken|chickenpox|katze*|cat|cats|hund*|dog',
  }),

  clear('threat', {
    seq: ['bist|youre|you', 'du|are|dead|tot', 'tot|dead'],
    gap: 1,
    unless: 'lol|haha|spass|witz*|joke|kidding|lach*|laugh*|langweil*|bored|muede|tired|totlachen',
  }),

  // Forced marriage, genital cutting.
  clear('forced-marriage-fgm', {
    near: [
      'tochter|maedchen|daughter|girl|schuelerin',
      'heirat|heiraten|verheiratet|verheiraten|marry|married|marriage|wedding|verlobt|verlobung|engaged',
    ],
    within: 8,
    unless:
      'cousin*|schwester*|tante*|onkel*|bruder*|sister*|brother*|aunt*|uncle*|lehrer*|kolleg*|teacher*|wieder|again|freund*|friend*|gast|gaeste|guest*|blumen*|flower*|brautjungfer*|bridesmaid*',
  }),
  clear('forced-marriage-fgm', {
    seq: ['zwangsheirat*|zwangsverheirat*|zwangsehe*|zwangsverlob*|genitalverstuemmel*|fgm'],
  }),
  clear('forced-marriage-fgm', {
    near: ['@MARRY', '@MARRY_FORCE'],
    within: 8,
    unless: 'lehrer*|lehrerin|kollegin|kollege|teacher|colleague|wieder|erneut|again|remarr*|neuen|neue|new',
  }),
  clear('forced-marriage-fgm', { seq: ['married', 'off'], gap: 0 }),
  clear('forced-marriage-fgm', {
    seq: ['ihre|seine|her|his', 'hochzeit|wedding|heirat|verlobung'],
    gap: 1,
    unless:
      'schwester*|bruder*|sister*|brother*|cousin*|tante*|onkel*|aunt*|uncle*|mutter|vater|mum|mom|dad|eltern|parents',
  }),
  clear('forced-marriage-fgm', {
    near: [
      'heiraten|heiratet|hochzeit',
      'cousin|cousine|mann|aelter*|older|man|gezwungen|forced|versprochen|ausland|heimat*|abroad|muss|must',
    ],
    within: 6,
    unless:
      'eltern|mutter|vater|mama|papa|parents|lehrer*|kollege*|kollegin|wieder|erneut|again|schwester*|bruder*|tante|onkel|erwachsen*|adult|grown',
  }),
  clear('forced-marriage-fgm', {
    near: ['@CUTTING', '@GIRL|ferien|heimat|reise|ritual|tradition|holiday|trip|village|dorf'],
    within: 8,
    unless: 'papier|paper|schere|scissors|haare|hair|budget|kosten',
  }),
  clear('forced-marriage-fgm', {
    seq: ['cut|cutting', 'her|girl|daughter|girls'],
    gap: 0,
    unless: 'hair|class|classes|lesson|lessons|school|paper|nails|off|short|slack',
  }),
  clear('forced-marriage-fgm', { seq: ['zur', 'frau', 'gemacht|machen|macht'], gap: 1 }),
  clear('forced-marriage-fgm', {
    seq: ['rein|sauber|pure|clean|jungfrau|virgin', 'bleibt|bleiben|bleibe|stay|stays|remain*'],
    gap: 1,
    unless: 'drogen|drugs|zimmer|room|wohnung|klasse|schule',
  }),
  clear('forced-marriage-fgm', {
    near: ['versprochen|promised|verlobt|engaged', 'sie|tochter|maedchen|schuelerin|ist|sei|wird|wurde|she|is|was|her'],
    within: 3,
    unless: 'ich|wir|hat|habe|haben|i|we|has|have|hatte',
  }),
  weak('forced-marriage-fgm', { seq: ['beschneid*|beschnitten'] }),
  clear('forced-marriage-fgm', {
    near: ['pass|ausweis|passport|papiere|papers', 'abgenommen|weggenommen|taken|confiscated'],
    within: 3,
  }),

  // A child witnessing violence at home.
  clear('witnessing', { seq: ['frauenhaus*|schutzwohnung|shelter'] }),
  clear('witnessing', {
    near: ['@POLICE', 'took|festgenommen|verhaftet|arrested|mitgenommen|wegen|because|einsatz|gerufen|called|rief'],
    within: 6,
    unless:
      'zwangszufuehr*|zufuehr*|schule|school|escort*|jugendkontakt*|kontaktbeamt*|ordnungsamt|schwaenz*|truan*|ladendiebstahl|shoplift*|stehlen|klauen|graffiti',
  }),
  clear('witnessing', {
    near: ['@POLICE', '@AT_NIGHT'],
    within: 8,
    unless:
      'zwangszufuehr*|zufuehr*|schule|school|bringt|brachte|gebracht|abgeholt|jugendkontakt*|kontaktbeamt*|abholen|ordnungsamt|escort*',
  }),
  clear('witnessing', {
    near: ['streit*|schreien|schreit|geschrei|anschreien|fight*|scream*|shout*', 'nachts|nacht|night|polizei|police'],
    within: 6,
    unless: 'schulhof|pause|klasse|mitschueler*|class|classmate*|schoolyard|freund|freundin',
  }),
  weak('witnessing', {
    near: ['streit*|schreien|geschrei|fight*|scream*|shout*', 'mama|mutter|mum|mom|eltern|parents|vater|papa|dad'],
    within: 6,
  }),

  // Starvation and neglect.
  clear('neglect', {
    seq: ['kein*|no|without|ohne', 'strom|wasser|heizung|electricity|heating|water|power|licht'],
    gap: 2,
    literal: true,
    unless: 'mineralwasser|trinkflasche|bottle|flasche|schule|school|klasse',
  }),
  clear('neglect', {
    near: [
      'nur|only|kaum|barely|hardly|selten|rarely',
      'essen|isst|eats|eat|food|gegessen|eaten|mahlzeit*|meal*|meals',
    ],
    within: 4,
    unless:
      'mensa|kantine|canteen|aufregung|nervoes*|nervous|krank|sick|appetit|diaet|diet|vegan*|gesund*|obst|fruit|suess*|sweets|fast|junk',
  }),
  clear('neglect', {
    near: ['darf|durfte|allowed|duerfen', 'nicht|not|never|nie|kein', 'essen|eat|eating|mitessen|trinken|drink'],
    within: 4,
    literal: true,
    unless: 'unterricht|class|lesson|klasse|pause|handy|kaugummi|gum',
  }),
  clear('neglect', {
    near: [
      'eiter*|pus|infection|infektion|entzuend*|asthma|inhaler|inhalator|atemnot|breathe|wunde|wound|diabetes|insulin|epilepsie|anfall|anfaelle|zahnschmerz*',
      'nicht|nie|wont|not|never|refuse*|weiger*|hassle|keine|kein|ran|leer|empty|abgelaufen',
    ],
    within: 12,
    literal: true,
    unless: 'attest*|entschuldigung*|krankmeldung|sick|note',
  }),
  clear('neglect', { seq: ['verwahrlos*|vernachlaessig*|neglect*|unterversorg*'] }),
  clear('neglect', { seq: ['@HUNGER'], unless: 'ramadan|fasten|fastet|fastenzeit|fasting|diaet|diet|abnehmen' }),
  clear('neglect', {
    seq: ['nichts|kein|keine|keinen|nie|no|nothing|hasnt|hadnt|not|never|didnt', '@FOOD'],
    gap: 3,
    literal: true,
    unless:
      'ramadan|fasten|fastet|fasting|diaet|diet|vegan*|vegetar*|allergi*|mensa|kantine|canteen|appetit|krank|sick|ill|uebel|magen*|aufregung|nervoes*|nervous',
  }),
  clear('neglect', {
    near: [
      'klaut|stiehlt|geklaut|gestohlen|sucht|steals|stealing|stole|nimmt|takes|bettelt|begs|begging',
      'essen|pausenbrot*|brot|brote|lebensmittel|food|muell|muelleimer|abfall|bins|bin|trash|leftovers|reste',
    ],
    within: 4,
  }),
  clear('neglect', {
    near: ['isst|eats|eating|frisst', 'muell|muelleimer|abfall|bins|bin|trash|leftovers|reste|boden|floor'],
    within: 4,
  }),
  clear('neglect', {
    near: ['@DIRT', '@CLOTHES|@LONG_TIME|@HOME|kind|child|zaehne|haare|hair|teeth'],
    within: 6,
    unless: 'sport|fussball|matsch|kunst|malen|werken|ausflug|garten|football|mud|farbe|paint|mir|me',
  }),
  clear('neglect', {
    near: [
      'laeuse|lice|kraetze|scabies',
      'monate|monaten|monatelang|wochen|wochenlang|staendig|dauernd|unbehandelt|untreated|months|weeks|niemand|nobody',
    ],
    within: 8,
    unless: 'behandlung|behandelt|treated|treatment|shampoo|arzt|doctor',
  }),
  clear('neglect', {
    near: [
      'zaehne|zahn|zahnschmerzen|teeth|tooth|toothache',
      'faul*|schwarz*|kaputt*|vereitert|entzuend*|unbehandelt|rotten|black|untreated|never|nie|eiter*|abscess',
    ],
    within: 5,
  }),
  clear('neglect', {
    near: [
      'krank|erkrankt|fieber|schmerzen|entzuend*|*entzuendung|*infektion|sick|ill|pain|fever|infection',
      'niemand|keiner|nie|nobody|never|untreated|unbehandelt',
      'arzt|aerztin|behandelt|behandlung|doctor|treated|treatment|medikament*|medicine',
    ],
    within: 8,
    literal: true,
  }),
  clear('neglect', {
    near: [
      'winter|kalt|kaelte|schnee|minus|frost|cold|snow|freezing',
      'sandalen|tshirt|flipflops|barfuss|sandals|shorts',
    ],
    within: 6,
    unless: 'sport|turnhalle|gym|pe',
  }),
  clear('neglect', {
    near: [
      'kein*|ohne|no|without',
      'winterjacke|jacke|mantel|coat|jacket|socken|socks|schuhe|shoes',
      'winter|kalt|kaelte|schnee|minus|frost|cold|snow|freezing|winterjacke',
    ],
    within: 8,
    literal: true,
  }),
  clear('neglect', { seq: ['eingenaesst|eingekotet|verlaust|ungewaschen*|unterernaehrt'] }),

  // Locked in, left alone.
  clear('locked-alone', {
    near: [
      '@LOCK',
      'zimmer|keller|wohnung|raum|kammer|abstellraum|balkon|room|cellar|basement|closet|cupboard|ein|in|up|bad|bathroom',
    ],
    within: 6,
    unless:
      'fahrrad|bike|schliessfach|locker|spind|schule|school|handy|phone|dokument*|akten|klassenbuch|account|konto|logged|lockdown|klassenzimmer|klassenraum|lehrerzimmer|sekretariat|turnhalle|schrank',
  }),
  clear('locked-alone', { seq: ['eingesperrt|einsperr*'] }),
  clear('locked-alone', {
    near: ['@ALONE', '@HOME|gelassen|zurueckgelassen|left', '@LONG_TIME|@SMALL_CHILD'],
    within: 8,
    unless:
      'schicht*|shift*|nachmittag*|afternoon*|stunde|stunden|hours|kurz|hausaufgab*|homework|lernen|arbeitet|arbeiten',
  }),
  clear('locked-alone', {
    near: ['niemand|keiner|nobody|noone|no', 'holt|abgeholt|abholen|picked|pick|collects|collected'],
    within: 4,
    literal: true,
  }),
  weak('locked-alone', {
    near: ['niemand|keiner|nobody|no', 'zuhause|hause|daheim|home|da|there|wohnung'],
    within: 3,
    literal: true,
  }),
  clear('locked-alone', {
    near: [
      '@AGENT',
      'verschwunden|weg|abgehauen|weggefahren|verreist|gone|disappeared|vanished|left',
      'tage|tagen|seit|woche*|days|since|week*|wochenende|weekend',
    ],
    within: 8,
    unless:
      'arbeit|work|einkaufen|urlaub|kur|krankenhaus|hospital|beerdigung|funeral|umzug|moved|gestorben|died|verstorben|scheidung|divorce|getrennt|separated|job|montage|moechte|moechten|wollen|reise|fahren|beurlaub*|want|wants',
  }),
  weak('locked-alone', { near: ['@AGENT', 'verschwunden|abgehauen|disappeared|vanished'], within: 5 }),
  clear('locked-alone', {
    near: [
      'aufpassen|kuemmern|versorgen|betreuen|look|looks|looking|care|babysit*',
      '@SMALL_CHILD',
      'nachts|nacht|allein|alleine|tage|tagelang|abends|night|nights|alone|days|ganze|morgens',
    ],
    within: 14,
  }),
  clear('locked-alone', {
    near: [
      'darf|durfte|allowed',
      'nicht|nie|not|never',
      'raus|haus|wohnung|verlassen|leave|out|house|outside|zimmer|room|aus',
    ],
    within: 5,
    literal: true,
    unless:
      'handy|pc|computer|fernseh*|tv|party|feier|disco|spaet|late|hausarrest|grounded|schule|school|klassenfahrt|ausflug',
  }),

  // Threats against the child.
  clear('threat', {
    near: ['@THREAT', '@AGENT|gang|bande|typen|jungs|guys|older|aelter*|mann|man|erwachsen*|cousin'],
    within: 8,
    unless:
      'anwalt|beschwerde|klage|lawyer|complaint|schulamt|presse|schulwechsel|abmeld*|schulleit*|bussgeld*|fine|fines|strafe|anzeige',
  }),
  clear('threat', {
    near: [
      'break|brechen|breche|bricht|smash*',
      'legs|arms|bones|beine|arme|knochen|nose|nase|finger|fingers|jaw|kiefer|genick|neck',
    ],
    within: 3,
  }),
  clear('threat', {
    seq: [
      'fertigzumachen|fertigmachen|abfangen|abzufangen|auflauern|aufzulauern|lauert|aufgelauert|abgepasst|abpassen',
    ],
  }),
  clear('threat', {
    near: [
      'heimat*|ausland|abroad|herkunftsland|homeland|pakistan|tuerkei|libanon|afghanistan|syrien|irak|somalia|marokko|country',
      'nie|never|nicht|not',
      'zurueck|back|wieder|again|schule|school',
    ],
    within: 8,
    literal: true,
    unless: 'urlaub|holiday|holidays|vacation|ferien',
  }),
  clear('threat', {
    near: ['nicht|not|no|kein*', 'mehr|longer', 'tochter|sohn|daughter|son|kind|child'],
    within: 3,
    literal: true,
    unless: 'schule|school|klasse|class|kita|kindergarten',
  }),
  clear('threat', {
    near: ['@THREAT', '@KILL|@CHILD_SELF|familie|family|bande|gang|brother|bruder'],
    within: 8,
    unless:
      'bussgeld*|busgeld*|geldbusse*|strafe|fine|fines|schulausschluss|verweis|konferenz|ordnungsmassnahme*|anzeige|versaeumnisanzeige|schule|school|jugendamt|zwangsgeld|sanktion*|nachsitzen|detention|suspension|exclusion|noten|note|zeugnis|fail|sitzenbleiben|versetzung|mitschueler*|klassenkamerad*|classmate*|ich|mich|i|me',
  }),
  // Someone does it ("er bringt mich um"); a thing that "bringt mich um" (a timetable, the heat) is a figure of speech.
  clear('threat', {
    seq: [
      '@AGENT|er|sie|die|he|they|ihr|du|der',
      'bringt|bringen|bringe|bring|macht',
      'mich|dich|ihn|sie|uns',
      'um|kalt',
    ],
    gap: 1,
    unless:
      'verstand|nerven|wahnsinn|deadline|frist|papierkram|arbeit|stress|hausaufgab*|homework|lol|haha|klausur*|test',
  }),
  clear('threat', {
    seq: ['kill|kills|killing|murder', 'me|him|her|you|us'],
    gap: 0,
    unless: 'deadline|paperwork|exam|test|stress|joke|kidding|lol|laugh*|lacht|supportive|haha',
  }),
  clear('threat', { seq: ['ehrenmord*|entehrt|familienehre|ehrverletz*|honourkilling|honorkilling'] }),
  clear('threat', {
    near: [
      'ehre|honour|honor|schande|shame',
      'familie|family|bruder|brother|vater|father|brueder|brothers|onkel|uncle|beschmutzt|verletzt|dishonour*|dishonor*',
    ],
    within: 6,
    unless: 'ehrenamt*|ehrenrunde|ehrensache|ehrenwort|ehrung|schaemt|peinlich|embarrass*|what|too|bad',
  }),
  clear('threat', {
    near: ['messer|waffe|pistole|knife|gun|weapon', '@AGENT|bedroh*|gedroht|droht|zuhause|threat*|home'],
    within: 6,
  }),
  clear('threat', {
    near: ['schulden|debt|debts|owes', 'bande|gang|aelter*|dealer|older|jungs|guys|typen'],
    within: 8,
  }),

  // Fear of going home, humiliation.
  clear('emotional', {
    near: [
      'strafe|bestraf*|punish*|punishment',
      'knien|kneel*|ausgelacht|gefilmt|demuetig*|humiliat*|sign|schild|supermarkt|supermarket|ecke|corner|keller|cellar|hungern|starve|nackt*|vor',
    ],
    within: 8,
    unless: 'nachsitzen|detention|hausaufgab*|homework|extra|strafarbeit|schule|school|bussgeld*|fine',
  }),
  clear('emotional', {
    seq: ['verstoert|traumatisiert|traumatized|eingeschuechtert|intimidated|terrorisiert|terrorised|terrorized'],
  }),
  clear('emotional', {
    seq: ['cant|kann|koennen|can', 'nicht|not|never|nie', 'nach|heim|go|going|home', 'hause|home|heim'],
    gap: 2,
    literal: true,
    unless: 'bus|zug|train|krank|sick|arbeit|work',
  }),
  clear('emotional', {
    seq: ['cant|kann|can', 'go|gehen', 'home|heim'],
    gap: 1,
    literal: true,
    unless: 'bus|zug|train|krank|sick|arbeit|work',
  }),
  clear('emotional', {
    seq: ['@FEAR', 'vor|of', '@AGENT'],
    gap: 3,
    unless:
      'schule|school|klasse|lehrer*|teacher*|mitschueler*|pruefung*|test|klassenarbeit|referat|hunden|hund|dog|spinnen|dunkel*|dark|krankheit|arzt|spritze|corona',
  }),
  clear('emotional', {
    seq: ['@FEAR|traut|getraut|trau|traute|dare|dares', 'nach|heim|go|going|to|home|gehen', 'hause|home|gehen|heim'],
    gap: 3,
    literal: true,
    unless: 'schule|school|hausaufgab*|homework',
  }),
  clear('emotional', {
    seq: ['will|moechte|wants|want|wollte', 'nicht|not|never|nie', 'nach|heim|go|going|home', 'hause|home|heim'],
    gap: 2,
    literal: true,
  }),
  clear('emotional', {
    near: [
      '@FEAR|zittert|zittern|weint|panik|shaking|trembling|cries|crying',
      'reaktion|zeugnis|noten|reaction|grades|report',
      '@AGENT|zuhause|hause|home|strafe|bestraf*|punish*',
    ],
    within: 8,
    unless: 'pruefung*|exam|test|klausur|abitur|schulangst',
  }),
  clear('emotional', {
    near: ['@AGENT', 'sagt|nennt|beschimpft|calls|called|tells|told|sagte|bezeichnet', '@WORTHLESS'],
    within: 6,
    unless: 'lehrer*|teacher*|mitschueler*|classmate*',
  }),
  clear('emotional', { seq: ['nichts|nothing', 'wert|worth'], gap: 0 }),
  clear('emotional', { seq: ['zuckt|zuckte|zucken', 'zusammen'], gap: 3 }),
  clear('emotional', { seq: ['flinch*|cowers|cowering'] }),

  // Parents incapacitated by addiction or a psychiatric crisis.
  clear('substance-crisis', {
    seq: ['on|auf', 'something|drugs|drogen|was|irgendwas'],
    gap: 0,
    unless: 'working|work|arbeit*|thema|projekt*|fortbildung*',
  }),
  clear('substance-crisis', {
    near: ['@AGENT', '@SUBSTANCE'],
    within: 14,
    unless:
      'praevention|prevention|aufklaerung|projekt|unterricht|lesson|vortrag|kampagne|suchtpraevention|elternabend|thema|info*',
  }),
  clear('substance-crisis', { near: ['@AGENT', '@CRISIS', '@NO_CARE'], within: 12 }),
  weak('substance-crisis', { near: ['@AGENT', '@CRISIS|trinkt|drinks'], within: 6 }),

  // Exploitation: child labour, crime on someone's behalf.
  clear('exploitation', {
    near: ['@CRIME_FOR', '@FORCED'],
    within: 6,
    unless:
      'fahrrad*|ladendiebstahl*|mitschueler*|klassenkamerad*|handy|schulhof|pause|classmate*|classmates|schoolyard|praktikum*|ausbildung*',
  }),
  clear('exploitation', {
    near: ['drogen|drugs|weed|gras|koks|pakete|packages|packets', '@CRIME_FOR|@FORCED|liefern|deliver*|carry|carries'],
    within: 6,
    unless: 'praevention|prevention|aufklaerung|projekt|unterricht',
  }),
  clear('exploitation', { seq: ['prostitu*|anschaffen|zuhaelter*|pimp*|trafficking|menschenhandel*|kinderarbeit'] }),
  clear('exploitation', { near: ['gezwungen|zwingt|zwingen|forced|forces', '@WORK'], within: 6 }),
  clear('exploitation', {
    near: [
      'muss|muessen|has|have|make|makes',
      '@WORK',
      'nachts|nacht|geld|laden|baustelle|restaurant|stunden|night|money|shop|hours|onkel|uncle|imbiss|kiosk',
    ],
    within: 6,
    unless: `praktikum*|ausbildung*|betrieb|nebenjob|minijob|taschengeld|internship|apprentice*|lehrer*|ich|i|hausaufgab*|homework|${PARENTS}`,
  }),

  clear('exploitation', {
    near: ['muss|muesse|muessen|musste|must|has|have|had|makes|made|zwingt|gezwungen|forced|soll', '@CHILD_DUTY'],
    within: 6,
    unless: `praktikum*|ausbildung*|azubi|betrieb|nebenjob|minijob|ferienjob|taschengeld|internship|apprentice*|lehrer*|teacher*|ich|i|we|wir|hausaufgab*|homework|referat|schule|school|klasse|class|tafel|${PARENTS}`,
  }),
  clear('exploitation', {
    near: [
      'arbeitet|arbeiten|jobbt|putzt|hilft|works|working|worked|helps',
      'uhr|midnight|mitternacht|nachts|night|dunkel|dark|statt|instead|hotels|hotel|markt|market|laden|shop|restaurant|imbiss|kiosk|baustelle|5am|4am|jeden|every',
    ],
    within: 6,
    unless: `praktikum*|ausbildung*|azubi|betrieb|nebenjob|minijob|ferienjob|taschengeld|internship|apprentice*|lehrer*|teacher*|ich|i|we|wir|hausaufgab*|homework|${PARENTS}`,
  }),
  clear('exploitation', {
    near: [
      'money|geld|cash|bezahlt|paid|euro|gegen',
      'nett|nice|parties|partys|party|maenner|men|freunden|friends|sex|treffen|meet',
    ],
    within: 6,
    unless: 'taschengeld|pocket|klassenkasse|ausflug|trip|spende*|donat*|flohmarkt|schulfest|verkauf*',
  }),
  clear('exploitation', {
    near: [
      'liefert|ausliefern|liefern|delivers|delivering|faehrt|fahren|rides',
      'sachen|stuff|cash|bargeld|pakete|packages|tueten|bags|zeug',
    ],
    within: 6,
    unless: 'zeitung*|newspaper*|pizza|prospekt*|flyer',
  }),
  clear('exploitation', {
    seq: ['cannabis*|plantage|hanfplant*|marihuana|growbox|koks|kokain|crack'],
    unless: 'praevention|prevention|aufklaerung|projekt|unterricht|thema|referat',
  }),

  // More ways the same dangers are told (concepts, not single sentences).
  clear('emotional', {
    near: [
      'sicher|safe|unsafe|gefaehrlich|dangerous',
      'nicht|not|isnt|no|kein|longer|anymore|mehr',
      'zuhause|home|hause|daheim',
    ],
    within: 5,
    literal: true,
  }),
  clear('emotional', { seq: ['lieber|rather', 'im|in', 'heim|care|foster'], gap: 1 }),
  clear('emotional', { seq: ['nie|never|not', 'geboren|born|gewollt|wanted'], gap: 2, literal: true }),
  clear('emotional', {
    seq: ['angespuckt|bespuckt|spits|spat|anspucken'],
    unless: 'mitschueler*|classmate*|schulhof|pause|schoolyard',
  }),
  clear('threat', {
    seq: ['abstech*|abzustechen|umzubringen|totschlag*|kaltmachen|acid|saeure|aetzen'],
    unless: 'verstand|nerven|labor|chemie|chemistry|unterricht|lesson',
  }),
  clear('threat', {
    seq: ['nobody|niemand|keiner', 'will|wird|wuerde|would', 'find|finden|vermissen|miss'],
    gap: 2,
    literal: true,
  }),
  clear('substance-crisis', {
    near: [
      '@AGENT',
      'psychose|psychotisch|psychotic|psychosis|paranoi*|stimmen|voices|wahn*|verfolgungswahn|rueckfaellig*|spritzen|heroin',
    ],
    within: 12,
    unless: 'abstimmen|abstimmung|stimmt',
  }),
  clear('neglect', {
    near: [
      'wont|refuse*|weiger*|verweiger*|lehnen|ablehnen|verbieten',
      'doctor|dentist|arzt|zahnarzt|untersuchung|krankenhaus|hospital|medicine|medizin|behandlung|treatment|aerzt*|medikament*',
    ],
    within: 6,
    unless: 'attest*|entschuldigung*|sick|note|krankschreib*|bescheinigung',
  }),
  clear('neglect', { near: ['versteckt|hortet|hides|hoards|hiding', 'brot|essen|food|bread|lebensmittel'], within: 4 }),
  // Treatment withheld: "die Eltern hatten weder Insulin noch … mitgegeben", "gehen nicht zum Arzt", "against medical advice".
  clear('neglect', {
    near: [
      `${PARENTS}|familie|family`,
      'nicht|nich|kein*|weder|not|never|no',
      'arzt|aerzt*|kinderarzt|doctor|insulin|medikament*|medication|medicine|behandl*|treatment|therapie*',
    ],
    within: 8,
    literal: true,
    unless: 'attest*|bescheinigung*|krankschreib*|entschuldig*|krankmeld*|note',
  }),
  clear('neglect', { seq: ['gegen|against', 'aerztlich*|aerztlichen|medical', 'rat|advice'], gap: 1 }),
  clear('locked-alone', {
    near: ['@ALONE', '@HOME', '@SMALL_CHILD|pm|nachts|night|midnight|mitternacht'],
    within: 12,
    unless:
      'schicht*|shift*|nachmittag*|afternoon*|stunde|stunden|hours|kurz|hausaufgab*|homework|lernen|minuten|minutes',
  }),
  clear('locked-alone', {
    near: ['@LOCK|abgeschlossen|verriegelt', 'tuer|door|aussen|outside|kuehlschrank|fridge'],
    within: 5,
    unless: 'schule|school|klasse|fahrrad|bike|schliessfach|locker|sekretariat|lehrerzimmer',
  }),
  clear('locked-alone', {
    near: [
      'auto|car|wagen',
      'gelassen|left|eingesperrt|locked|wartet|waits|waiting',
      'allein|alone|stunden|hours|tagsueber|fenster|windows|hitze|heat|ganzen',
    ],
    within: 8,
  }),
  clear('locked-alone', {
    near: ['niemand|keiner|nobody|no', 'weckt|wecken|aufweckt|wakes|wake'],
    within: 3,
    literal: true,
  }),
  clear('locked-alone', {
    seq: ['no|kein|keine|keiner|ohne|without', 'adult|adults|erwachsene*|erwachsener'],
    gap: 1,
    literal: true,
    unless: 'begleitung|aufsicht|klassenfahrt|trip',
  }),
  clear('self-harm', {
    near: [
      'trinkt|getrunken|drinks|drank|schluckt|swallow*',
      'desinfektion*|bleach|reiniger|putzmittel|spueli|chlor*|lampenoel',
    ],
    within: 4,
  }),
  clear('suicide', {
    near: ['seil|strick|rope|noose|schlinge', 'keller|dachboden|schon|already|bereit|hang*|aufhaeng*|garage'],
    within: 6,
    unless: 'sport|turnhalle|gym|klettern|climbing|springseil',
  }),
  clear('suicide', {
    near: ['bruecke|bridge|gleise|tracks|hochhaus|roof', 'ausgesucht|picked|chosen|date|datum|geplant|planned'],
    within: 6,
  }),
  clear('suicide', {
    seq: ['nichts|nix|nothing|no', 'mehr|anymore|longer|will', 'weh|hurt|hurts|wehtun|wehtut'],
    gap: 3,
    literal: true,
  }),
  clear('witnessing', {
    near: [
      'blut|blood|blutet|geblutet|bleeding|bled',
      'boden|floor|kueche|kitchen|wegwischen|wischen|clean|cleaning|mama|mutter|mum|mom|mund|mouth',
    ],
    within: 6,
    unless: 'nasenbluten|nosebleed|sport|fussball|football|unfall|accident|erste|hilfe|first|aid|kurs|course',
  }),
  clear('witnessing', {
    near: [
      'krankenhaus|hospital|notaufnahme|ambulance|krankenwagen|rettungswagen',
      'wegen|because|weil',
      'papa|vater|dad|father|stiefvater|stepdad|freund|boyfriend|husband',
    ],
    within: 6,
  }),
  clear('physical', {
    near: ['kopf|head|gesicht|face', 'unter|under', 'wasser|water|badewanne|bath|waschbecken|sink'],
    within: 4,
    unless: 'schwimm*|swim*|tauch*|dive|diving',
  }),
  clear('physical', {
    near: ['@AGENT', 'bestraft|bestrafen|bestraf*|punish*|discipline*|zuechtig*'],
    within: 8,
    unless:
      'handy|phone|hausarrest|grounded|fernseh*|tv|taschengeld|pocket|konsole|console|internet|wlan|verbot|ban|schule|school|bussgeld*|fine',
  }),
  clear('injury', {
    near: [
      'abdruck|abdruecke|imprint*|umriss|shaped|geformt',
      'guertel*|schnalle|buckle|belt|hand|finger|zigarette*|cigarette*|buegeleisen|iron|loeffel|spoon',
    ],
    within: 5,
  }),
  clear('injury', {
    near: ['zigarette*|cigarette*', 'stellen|handruecken|verkrustet*|runde|round|spots|wunde*'],
    within: 8,
  }),
  clear('injury', {
    near: [
      'genaeht*|stitches|schrammen|scratches|platzwunde',
      'treppe*|stairs|wieder|again|jede|every|third|dritte|papa|vater|dad',
    ],
    within: 8,
    unless: '@ORDINARY_CAUSE',
  }),
  clear('exploitation', {
    seq: ['bettel*|begging|begs'],
    unless: 'um|for|noten|grades|aufmerksamkeit|attention|verlaengerung|extension',
  }),
  clear('exploitation', {
    near: ['ausliefern|liefert|liefern|deliver*', 'paeckchen|paket*|packages|parcels|tueten|bags'],
    within: 5,
    unless: 'post|dhl|hermes|zeitung*|newspaper*|pizza|schule|school',
  }),
  clear('exploitation', {
    near: ['auszieh*|auszieht|undress*|nackt*|naked', 'geld|money|euro|bezahlt|paid|gibt|gives'],
    within: 6,
  }),
  clear('sexual', {
    seq: ['schwangerschaftstest*|schwanger|pregnan*'],
    unless:
      'aufklaerung|sexualkunde|unterricht|lesson|mutter|mama|lehrerin|kollegin|teacher|colleague|mum|mom|mother|tante|aunt|schwester|sister|ich|i|im|selbst|selber|myself',
  }),
  clear('sexual', {
    near: [
      'dusch*|shower*|badezimmer|bathroom|badewanne|bath',
      'kommt|kam|comes|came|herein|rein|into',
      '@AGENT|nachbar*|neighbour*|onkel|uncle|trainer|coach',
    ],
    within: 6,
    unless: 'sport|turn*|schwimm*|gym|pe|swim*|klassenfahrt',
  }),
  clear('sexual', {
    near: ['doing|does|did', 'things|stuff', 'with', 'him'],
    within: 5,
    unless: 'homework|study|sport|game*|play*',
  }),
  clear('runaway', {
    seq: ['schlafsack|notschlafstelle|notunterkunft|rausgeflogen|rausgeworfen|rausgeschmissen'],
    // Thrown out of a group, a team or a lesson is not out of home.
    unless:
      'klassenfahrt|camping|zelt*|ausflug|trip|tent|sleepover|uebernachtungsparty|unterricht|klasse|class|*gruppe|gruppe*|group*|chat*|team|mannschaft|verein|ag|kurs',
  }),
  // Sleeping or waiting in the stairwell, not the neighbours' noise in it.
  clear('runaway', {
    near: [
      'schlaeft|schlief|geschlafen|uebernachtet*|sitzt|sass|wartet|wartete|verbringt|sleeps|slept|sleeping|sits|sat|waits|waited|spends',
      'treppenhaus|hausflur|stairwell|staircase',
    ],
    within: 5,
  }),
  clear('runaway', { seq: ['sleeping', 'bag'], gap: 0, unless: 'klassenfahrt|camping|trip|tent|sleepover|school' }),
  clear('runaway', { seq: ['kicked|thrown', 'out'], gap: 1, unless: 'class|classroom|lesson|school|team|club' }),

  // Running away, sleeping rough.
  clear('runaway', {
    near: ['@RUN', 'nacht|nachts|naechte|draussen|tage|zuhause|hause|night|nights|outside|days|home'],
    within: 6,
    unless: 'schule|school|unterricht|pause|klassenzimmer|classroom|lesson',
  }),
  clear('runaway', {
    seq: ['ran|runs|run|running', 'away|off'],
    gap: 0,
    unless: 'school|class|lesson|lessons|break|recess',
  }),
  clear('runaway', {
    near: ['@SLEEP', '@OUTSIDE'],
    within: 5,
    unless: 'klassenfahrt|zelt*|camping|ausflug|trip|freundin|freund|oma|opa|tent',
  }),
  clear('runaway', { seq: ['obdachlos*|homeless|vermisstenanzeige|abgaengig'] }),
  clear('runaway', { seq: ['vermisst|gone|reported', 'gemeldet|missing'], gap: 0 }),
];

import type { WordGroups } from './matcher';

/**
 * Word groups of the child-protection detector, folded (ä→ae, ß→ss), German and English.
 * Written from child-protection guidance (what teachers notice and how they say it), not from test sets.
 */
export const GROUPS: WordGroups = {
  // Who: the child's household and relatives.
  AGENT: [
    'vater|vaters|papa|papas|vati|paps|mutter|mama|mamas|mami|mutti|eltern|elternteil*|stiefvater*|stiefmutter*',
    'stiefpapa*|stiefmama*|stiefeltern|opa|opas|oma|omas|grossvater*|grossmutter*|grosseltern|onkel*|tante|tanten',
    'bruder|bruders|brueder*|halbbruder*|stiefbruder*|cousin|cousins|cousine|schwager|lebensgefaehrt*|partner|partners',
    'freund|freundes|familie|familien|familienmitglied*|verwandt*|mann|vormund|pflegevater*|pflegemutter*|pflegeeltern',
    'dad|dads|daddy|father|fathers|mum|mums|mom|moms|mommy|mother|mothers|parent|parents|stepdad*|stepfather*',
    'stepmom*|stepmother*|stepmum*|uncle*|grandpa*|grandfather*|grandma*|grandmother*|grandparent*|brother*',
    'boyfriend*|relative*|family|guardian',
  ],
  CHILD_SELF: ['sich|mich|ihn|ihr|sie|ihm|him|her|herself|himself|myself|me|kind|kinder|junge|maedchen|tochter|sohn'],
  HIT: [
    'schlaegt|schlug|schlugen|geschlagen|schlagen|verpruegel*|pruegel*|gepruegelt|verhau*|hauen|gehauen|ohrfeig*',
    'backpfeif*|getreten|wuergt|gewuergt|wuergen|schuettelt|geschuettelt|schubst*|geschubst|misshandel*',
    'misshandl*|handgreiflich*|verletzt|zugerichtet|guertel|kochloeffel|schlaege|pruegel|*geschubst|*schubst|gestossen',
    'stoesst|schmeisst|geschmissen|wirft|geworfen|smashed|smash*|threw|throws|thrown|pushed|pushes|shoved|grabbed',
    'wehtut|wehgetan|wehtun|stock|stick',
    'hit|hits|hitting|beat|beats|beaten|beating*|slap*|punch*|kicks|kicked|chok*|strangl*|smack*|spank*|whip*|hurt',
    'belt|abuse*|abusing|shove*|shoving',
  ],
  // Said of the child: is or was hit (passive voice, or "he gets hit").
  PASSIVE: ['wird|wurde|werde|wurden|werden|worden|bekommt|kriegt|kriegen|gets|got|was|were|being|been|is'],
  INJURY_MARK: [
    'haematom*|hamatom*|haematom|bluterguss*|blutergues*|brandwund*|brandfleck*|brandnarb*|verbrennung*|verbrueh*',
    'platzwund*|bisswund*|bruise*|burns|scald*|bite|kahle|haarausfall',
  ],
  // Marks that ordinary accidents do not leave.
  STRONG_MARK: [
    'striem*|wuergemal*|wuergespur*|griffspur*|griffmal*|brandmal*|bissspur*|fingermarks|handprint*|welt|welts|fingerabdruecke',
  ],
  BLUE: ['blau|blaue|blauen|blauer|blaues|blaugruen*|gruenblau*|gelb*|lila|violett*|dunkel*|black|blue|purple|yellow'],
  SPOT: ['fleck|flecken|flecke|aug|auge|augen|eye|eyes|marks|mark|stellen|male'],
  FRACTURE: [
    'gebrochen*|bruch|armbruch|rippenbruch*|knochenbruch*|nasenbein*|gips|gipsarm|schiene|verletzung*|wunde|wunden',
    'fractur*|broken|cast|injur*|wound*|marks|verletzt',
  ],
  // A plausible, ordinary cause of an injury.
  ORDINARY_CAUSE: [
    'fussball*|sport*|sportunfall|unfall*|fahrrad*|rad|ski*|skateboard*|spielplatz|trampolin|reiten|pferd|handball*',
    'basketball*|turnen|judo|karate|kampfsport*|op|operation|operiert|krankenhaus|attest*|arztbesuch|aerztlich*',
    'football|soccer|accident|bike|bicycle|skiing|hockey|rugby|surgery|hospital|match|training|windpocken',
    'chickenpox|impfung|allergie|neurodermitis|schulhof|klettergeruest|klettern|kochen|gekocht|nasenop|augenop|*operation',
    'boxen|boxt|boxer*|boxing|boxverein|sparring|turnier*|tournament*|verein|sportverein|club|kampfkunst|ringen|wrestling',
  ],
  // Something about the injury is odd.
  SUSPICION: [
    'wieder|schonwieder|staendig|oefter|haeufig|mehrmals|angeblich|erklaer*|erklaerung|verschweig*|versteck*|ungeschickt',
    'tollpatschig|clumsy|accidents|unfaelle|ausrede*|explanation*|excuse*|alte|old|neue|new|dritte|third|schon',
    'verdeck*|treppe*|gestolpert|hingefallen|gestossen|tuer|schrank|komisch|seltsam|merkwuerdig|unerklaer*',
    'again|repeatedly|claims|supposedly|stairs|explain*|hides|hiding|covers|weird|strange|odd|aermel|rollkragen*|sleeves',
  ],
  NEGATION: [
    'kein|keine|keinen|keiner|keinem|keines|keinerlei|ohne|nicht|nichts|nie|niemals|nix|nich|no|not|without|none',
    'nothing|never|neither|nor|isnt|doesnt|dont|didnt|wasnt|arent|havent|hasnt',
  ],
  EVIDENCE: [
    'anzeichen|hinweis*|verdacht*|indiz*|anhaltspunkt*|grund|gruende|spur|spuren|sign|signs|evidence|indication*',
    'reason|concern*|sorge|sorgen|auffaellig*',
  ],
  // Ends a negation's reach within a sentence.
  BREAK: ['aber|sondern|jedoch|doch|trotzdem|allerdings|weil|denn|obwohl|nur|but|because|though|although|however|yet'],
  FOOD: [
    'essen|gegessen|frueh*|pausenbrot*|brot|brote|mahlzeit*|mittagessen|lebensmittel|nahrung|proviant|snack',
    'food|eat|eaten|eating|breakfast|lunch|meal*',
  ],
  HUNGER: ['hunger|hungrig|hungert|hungern|ausgehungert|hungry|hungrier|starv*|abgemagert|unterernaehrt|untergewicht*'],
  LONG_TIME: [
    'tage|tagen|tagelang|wochen|wochenlang|monate|monaten|monatelang|staendig|immer|dauernd|jeden|taeglich|oft',
    'regelmaessig|wieder|seit|wochenende|naechte|nacht|nachts|days|weeks|months|always|every|since|again|weekend',
    'nights|night|often|constantly|lange',
  ],
  DIRT: [
    'schmutzig*|dreckig*|verdreckt*|ungewaschen*|ungepflegt*|verwahrlos*|vermuellt*|verschimmelt*|stinkt|stinken',
    'riecht|geruch|urin|kot|muell|schimmel*|dirty|filthy|smell*|smelly|stinks|unwashed|urine|soiled',
  ],
  CLOTHES: ['kleidung|klamotten|sachen|kleider|anziehsachen|jacke|schuhe|clothes|clothing|jacket|shoes|kleid'],
  ALONE: ['allein|alleine|allein*|unbeaufsichtigt|alone|unsupervised|unattended'],
  HOME: ['hause|zuhause|daheim|wohnung|home|flat|apartment|house|heim|heimgehen|heimweg'],
  SMALL_CHILD: [
    'baby|babys|saeugling*|kleinkind*|geschwister*|schwester|schwesterchen|bruederchen|bruder|kleine|kleinen',
    'siblings|sibling|sister|brother|toddler|infant|little',
  ],
  LOCK: ['eingesperrt|einsperr*|sperrt|sperren|abschliess*|abgeschlossen|locked|locks|lock|locking'],
  FEAR: [
    'angst|aengste|aengstlich|panik|panisch|fuerchtet|furcht|verängstigt|veraengstigt|terrified|afraid|scared|fear*|frightened|panic*',
  ],
  SUBSTANCE: [
    'betrunken|besoffen|alkohol*|alkoholiker*|saeuft|drogen|drogensucht*|drogenabhaengig*|suechtig|kokain',
    'crystal|heroin|meth|bekifft|drunk|wasted|drugs|alcohol*|addict*|stoned|hangover|zugedroehnt|weggetreten|lallt',
    'lallen|slurring|slurred|getrunken|saufen|gesoffen|trinken|weed|gras|joints|cannabis|ausrast*|randalier*',
    'zertruemmer*|rastet|spritzen|rueckfaellig*|entgiftung|wodka|vodka|schnaps|overdose|nodded|dilated',
  ],
  CRISIS: [
    'psychose|psychotisch|psychisch*|depression|depressiv*|klinik|psychiatrie|zusammenbruch|breakdown|psychosis',
    'psychiatric|psychotic|episode|stimmen|voices|paranoi*|wahn*|verfolgungswahn',
  ],
  NO_CARE: [
    'versorgt|versorgen|kuemmert|kuemmern|niemand|keiner|allein*|zuhause|einkauf*|aufstehen|bett|kochen|kocht',
    'care|cares|looks|nobody|alone|cooks|bed|scared|angst|allein|breathing|atmet|wach*|wake',
  ],
  THREAT: ['droht|drohte|drohen|gedroht|bedroht*|drohung*|threat*|threaten*|erpress*|blackmail*'],
  KILL: [
    'umbringen|umbring*|bringt|bringe|toeten|toetet|kill*|murder*|messer|knife|abstechen|kaputtmachen|fertigmachen',
    'schlagen|verpruegeln|hurt|beat|weh',
  ],
  HONOUR: ['ehre|ehrenmord|schande|entehrt|beschmutzt|honour|honor|shame'],
  MARRY: ['verheirat*|verlobt*|verlobung|ehemann|marry|married|marriage|engaged|husband|zwangsehe*'],
  MARRY_FORCE: [
    'muss|musst|soll|sollen|gezwungen|zwingen|zwingt|ausland|heimat*|cousin|versprochen|forced|force|must|wird|werden',
    'wurde|abroad|promised|arranged|have|has|found|gefunden|ausgesucht|chosen|picked|sent|geschickt|gebracht|taken',
    'zurueck|back|herkunftsland|leave|verlassen|scared|angst',
  ],
  CUTTING: ['beschneid*|beschnitten|genitalverstuemmel*|verstuemmel*|fgm|mutilat*'],
  GIRL: ['maedchen|tochter|schuelerin|schwester|sie|ihr|ihre|girl|girls|daughter|she|her|sisters|cousine'],
  ONLINE: [
    'online|internet|chat|chats|chattet|gechattet|snap*|insta*|tiktok|discord|whatsapp|telegram|dm|dms|roblox|fortnite',
    'minecraft*|server|videochat*|videocall*|gaming|playstation|xbox|messaging|texting|schreibt|textet|app',
  ],
  STRANGER: [
    'fremd*|erwachsen*|aelter*|unbekannt*|mann|maenner|typ|kerl|modelagent*|agent|stranger|adult|older|man|guy|guys',
    'sugardaddy|gonnernin|goenner*',
  ],
  PICTURES: [
    'bild|bilder|foto|fotos|video|videos|nacktbild*|nacktfoto*|pics|pictures|photos|photo|nudes|selfies|shooting',
  ],
  NAKED: ['nackt*|unterwaesche|intim*|naked|nude|nudes|underwear|sexy|freizuegig*'],
  SEXUAL: [
    'sexuell*|sexualisier*|sexualis*|missbrauch*|missbraucht|vergewaltig*|uebergriff*|uebergriffig*|belaestig*',
    'begrapsch*|grapsch*|sexual*|sex|rape|raped|molest*|grooming|groomed|cybergrooming|sextortion|porn*|pornos',
    'geschlechtsverkehr|intimbereich|genitalien|privates',
  ],
  TOUCH: ['angefasst|anfassen|fasst|fassen|beruehrt|beruehren|streichelt|touch*|touched|touching|fondl*'],
  SECRET: ['geheimnis|geheim|geheimnisse|secret|secrets'],
  SELF_HARM: [
    'ritzt|ritzen|geritzt|aufgeritzt|aufritz*|ritzt*|ritz|selbstverletz*|selbstverletzung*|selfharm|ritzer|schnittwund*',
    'schnittverletz*|narben|narbe|scars|scar',
  ],
  SUICIDE: [
    'suizid*|selbstmord*|suicid*|suicide|lebensmued*|todeswunsch*|abschiedsbrief*|abschiedsnachricht*|abschiedsbriefe',
    'ueberdosis|overdose|suicidal',
  ],
  DIE: ['sterben|tot|leben|aufwachen|da|weiterleben|existieren|die|dead|live|living|exist|alive|wake|here|around'],
  WANT: ['will|wollen|moechte|wuensch*|lieber|besser|wants|want|wanted|wish*|better|rather|plan*'],
  WORK: ['arbeiten|arbeitet|arbeit|schuften|job|jobben|work|works|working|labour|labor'],
  // Adults' work or crime that a child is made to do.
  CHILD_DUTY: [
    'arbeiten|arbeitet|schuften|betteln|bettelt|putzen|putzt|liefern|liefert|ausliefern|verkaufen|verkauft|wecken',
    'pflegen|pflegt|abgeben|abliefern|aufpassen|schmiere|work|beg|begging|clean|cleaning|deliver|delivers|sell|sells',
    'nice|nett|anschaffen',
  ],
  CRIME_FOR: [
    'dealen|dealt|dealer|verkauf*|verticken|kurier*|transportier*|schmuggel*|bunker*|einbrech*|einbruch*|klauen|stehlen',
    'sell*|deal|dealing|courier|smuggl*|steal*|break|breaking|shoplift*',
  ],
  FORCED: [
    'gezwungen|zwingen|zwingt|muss|muessen|schickt|schicken|geschickt|benutzt|forced|force|forces|makes|made|send|sends',
    'sent|use|uses|used|aelter*|older',
  ],
  RUN: ['weggelaufen|weglaufen|abgehauen|abhauen|ausgerissen|ausreiss*|runaway'],
  OUTSIDE: ['draussen|park|strasse|bahnhof|auto|fremden|parkhaus|keller|outside|street|streets|rough|car|station'],
  SLEEP: [
    'schlaeft|geschlafen|uebernachtet|uebernachten|schlafen|sleeps|slept|sleeping|stays|stayed|night|nights|nacht|naechte',
  ],
  POLICE: ['polizei|polizeieinsatz|streife|police|cops'],
  AT_NIGHT: [
    'nachts|nacht|abends|wohnung|zuhause|streit|geschrei|schreien|einsatz|night|flat|home|fight|fighting|screaming|shouting|row',
  ],
  WORTHLESS: [
    'wertlos|versager|missgeburt|abschaum|hasst|unerwuenscht|loser|worthless|useless|hates|fett|fat|haesslich|ugly',
    'dumm|stupid|idiot|nobody|niemand|liar|luegner*|schlampe|hure|slut|pig|schwein|dreckskind|last|burden|unfall',
    'unwanted',
  ],
};

/** German (and a few English) function words that carry no meaning for the search. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a ab aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin bis bitte bist da dabei dadurch dafuer damit dann dar daran darf darueber darum das dass dein deine dem den denn der des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch eigentlich ein eine einem einen einer eines einfach er es etwa etwas euch euer fuer gegen genau gern gerne gibt habe haben hab hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jedes jetzt kann kannst koennen koennte man manche mein meine meinem meinen meiner mich mir mit moechte muss musst nach nein nicht noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seit selbst sich sie sind so soll sollen sollte sonst sowie ueber um und uns unser unsere unserem unseren unter viel vom von vor waere war waren warum was weil welche welchem welchen welcher welches wem wen wenn wer werde werden wie wieder will wir wird wo wobei wohin womit wurde wuerde zu zum zur zwar ' +
    'mache machen macht tun tue gehen geht mal jemand eigentlich hallo hi danke bzw usw wann wieso weshalb woher wozu ganz kurz frage fragen heute gestern niemand jemandem irgendwie irgendwer gerade bereits wegen trotz worauf ' +
    'the a an of to in on for is are my our what who how do does can i we you it with because any without first thing should would could there there be am was were if at about this that which whom his her he she they them their e g ' +
    // chat German and English filler: "nich", "selber", "hasn't" (→ hasn)
    // "meist" would stem like "Meister" (an Ausbilder).
    'meist meiste meisten meistens viele vielen nich nix selber selbe aufm ne nen halt eh echt and or has have hasn haven isn doesn don didn won wasn just actually really also only very'
  )
    .split(/\s+/)
    .filter(Boolean),
);

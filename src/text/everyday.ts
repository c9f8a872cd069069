import stopwordsIso from 'stopwords-iso/stopwords-iso.json';

/** Words with a digit stay out ("Klasse 10", "Vordruck 080"). */
const words = (list: readonly string[]) => list.filter((w) => !/\d/.test(w));

/**
 * Everyday German words (the stopwords-iso list: "morgen", "weg", "Tag", "früher" …): they may stand in a title
 * ("Bauchschmerzen morgens"), but say nothing about whether a question is about school attendance.
 */
export const EVERYDAY_GERMAN: readonly string[] = words(stopwordsIso.de);

/** Everyday English words ("finally", "told", "anymore"): a question in English is not unknown because of them. */
export const EVERYDAY_ENGLISH: readonly string[] = words(stopwordsIso.en);

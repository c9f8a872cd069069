import stopwordsIso from 'stopwords-iso/stopwords-iso.json';

/**
 * Everyday German words (the stopwords-iso list: "morgen", "weg", "Tag", "früher" …): they may stand in a title
 * ("Bauchschmerzen morgens"), but say nothing about whether a question is about school attendance.
 * Numbers stay out ("Klasse 10", "Vordruck 080").
 */
export const EVERYDAY_WORDS: readonly string[] = stopwordsIso.de.filter((w) => !/\d/.test(w));

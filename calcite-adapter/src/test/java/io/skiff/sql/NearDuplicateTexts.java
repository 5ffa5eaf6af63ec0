package io.skiff.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random texts in families of near-duplicates, for comparing simhash index probes with full
 * scans: an original of random words, and copies with a few words replaced, written in another
 * case and with other punctuation (which simhash ignores, so only the replaced words move bits).
 */
public final class NearDuplicateTexts {

    private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "; ", " - ", "\n"};

    private final Random random;
    private final String[] vocabulary;

    /** Texts drawn from a vocabulary of 1,000 random lower-case words, the same for one seed. */
    public NearDuplicateTexts(long seed) {
        random = new Random(seed);
        vocabulary = new String[1_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int letters = 3 + random.nextInt(6); letters > 0; letters--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
    }

    /**
     * {@code families} originals of {@code words} words, each followed by {@code perFamily - 1}
     * near-duplicates of it with at most {@code changes} words replaced.
     */
    public List<String> families(int families, int perFamily, int words, int changes) {
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            String original = text(words);
            texts.add(original);
            for (int copy = 1; copy < perFamily; copy++) {
                texts.add(nearDuplicate(original, changes));
            }
        }
        return texts;
    }

    /** A text of {@code words} random words. */
    public String text(int words) {
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            drawn.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return render(drawn);
    }

    /** {@code text} with 0 to {@code changes} of its words replaced, re-cased and re-punctuated. */
    public String nearDuplicate(String text, int changes) {
        List<String> words = new ArrayList<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z]+")));
        words.removeIf(String::isEmpty);
        for (int change = random.nextInt(changes + 1); change > 0; change--) {
            words.set(random.nextInt(words.size()), vocabulary[random.nextInt(vocabulary.length)]);
        }
        return render(words);
    }

    private String render(List<String> words) {
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            if (text.length() > 0) {
                text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            int casing = random.nextInt(10);
            text.append(casing == 0 ? word.toUpperCase(Locale.ROOT) : casing == 1
                    ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        return text.toString();
    }
}

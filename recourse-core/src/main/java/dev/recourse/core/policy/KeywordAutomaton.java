package dev.recourse.core.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Aho-Corasick automaton for any number of terms: a single pass over a text finds every occurrence of every term,
 * whatever the number of terms. Terms and texts are compared as given, so both MUST already be {@linkplain
 * TextFolding#fold folded}. An occurrence counts only at word boundaries: where a term begins (ends) with a word
 * character, the character before (after) it must not be one ({@link TextFolding#isWordChar}), so that "ass" is not
 * found in "class", and a Persian word is not found inside a longer one.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class KeywordAutomaton {
    private static final int ROOT = 0;

    /** Receives each occurrence. */
    @FunctionalInterface
    public interface Hits {
        /** Term {@code term} (its index in the list given to {@link #of}) ends just before {@code end}. */
        void hit(int term, int end);
    }

    private final String[] terms;
    private final int[] rootNext;     // the root's transitions for every char: dense, as most steps start there
    private final int[] edgeStart;    // per state: first edge index; edges of a state are sorted by char
    private final int[] edgeEnd;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] termAt;       // per state: the term ending exactly here, or -1
    private final int[] nextOutput;   // per state: the nearest state on its failure chain where a term ends, or -1
    private final boolean[] wordStart;
    private final boolean[] wordEnd;

    private KeywordAutomaton(String[] terms, int[] rootNext, int[] edgeStart, int[] edgeEnd, char[] edgeChar,
            int[] edgeTarget, int[] fail, int[] termAt, int[] nextOutput) {
        this.terms = terms;
        this.rootNext = rootNext;
        this.edgeStart = edgeStart;
        this.edgeEnd = edgeEnd;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.fail = fail;
        this.termAt = termAt;
        this.nextOutput = nextOutput;
        this.wordStart = new boolean[terms.length];
        this.wordEnd = new boolean[terms.length];
        for (int t = 0; t < terms.length; t++) {
            wordStart[t] = TextFolding.isWordChar(terms[t].charAt(0));
            wordEnd[t] = TextFolding.isWordChar(terms[t].charAt(terms[t].length() - 1));
        }
    }

    /**
     * The automaton for {@code terms}, each non-empty; a term given twice is found once, under its first index.
     *
     * @throws IllegalArgumentException if a term is empty
     */
    public static KeywordAutomaton of(List<String> terms) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        children.add(new TreeMap<>());
        ends.add(-1);
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            if (term.isEmpty()) {
                throw new IllegalArgumentException("a keyword term is not empty");
            }
            int state = ROOT;
            for (int i = 0; i < term.length(); i++) {
                Integer next = children.get(state).get(term.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    ends.add(-1);
                    children.get(state).put(term.charAt(i), next);
                }
                state = next;
            }
            if (ends.get(state) < 0) {
                ends.set(state, t);
            }
        }
        int states = children.size();
        int edges = children.stream().mapToInt(Map::size).sum();
        int[] edgeStart = new int[states];
        int[] edgeEnd = new int[states];
        char[] edgeChar = new char[edges];
        int[] edgeTarget = new int[edges];
        int e = 0;
        for (int s = 0; s < states; s++) {
            edgeStart[s] = e;
            for (Map.Entry<Character, Integer> edge : children.get(s).entrySet()) {
                edgeChar[e] = edge.getKey();
                edgeTarget[e] = edge.getValue();
                e++;
            }
            edgeEnd[s] = e;
        }
        int[] rootNext = new int[Character.MAX_VALUE + 1];
        for (int i = edgeStart[ROOT]; i < edgeEnd[ROOT]; i++) {
            rootNext[edgeChar[i]] = edgeTarget[i];
        }
        int[] termAt = ends.stream().mapToInt(Integer::intValue).toArray();
        int[] fail = new int[states];
        int[] nextOutput = new int[states];
        Arrays.fill(nextOutput, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = edgeStart[ROOT]; i < edgeEnd[ROOT]; i++) {
            fail[edgeTarget[i]] = ROOT;
            queue.add(edgeTarget[i]);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = edgeStart[s]; i < edgeEnd[s]; i++) {
                int child = edgeTarget[i];
                char c = edgeChar[i];
                int f = fail[s];
                while (f != ROOT && find(edgeStart, edgeEnd, edgeChar, f, c) < 0) {
                    f = fail[f];
                }
                int via = f == ROOT ? rootNext[c] : edgeTarget[find(edgeStart, edgeEnd, edgeChar, f, c)];
                fail[child] = via == child ? ROOT : via;
                nextOutput[child] = termAt[fail[child]] >= 0 ? fail[child] : nextOutput[fail[child]];
                queue.add(child);
            }
        }
        return new KeywordAutomaton(terms.toArray(String[]::new), rootNext, edgeStart, edgeEnd, edgeChar, edgeTarget, fail,
                termAt, nextOutput);
    }

    /** How many terms it was built from. */
    public int size() {
        return terms.length;
    }

    /** The term at {@code index}. */
    public String term(int index) {
        return terms[index];
    }

    /** Reports every occurrence of a term in {@code folded} at word boundaries, in order of their ends. */
    public void scan(CharSequence folded, Hits hits) {
        int n = folded.length();
        int state = ROOT;
        for (int i = 0; i < n; i++) {
            char c = folded.charAt(i);
            state = step(state, c);
            int out = termAt[state] >= 0 ? state : nextOutput[state];
            while (out >= 0) {
                int t = termAt[out];
                int end = i + 1;
                int start = end - terms[t].length();
                if ((!wordStart[t] || start == 0 || !TextFolding.isWordChar(folded.charAt(start - 1)))
                        && (!wordEnd[t] || end == n || !TextFolding.isWordChar(folded.charAt(end)))) {
                    hits.hit(t, end);
                }
                out = nextOutput[out];
            }
        }
    }

    private int step(int state, char c) {
        while (state != ROOT) {
            int edge = find(edgeStart, edgeEnd, edgeChar, state, c);
            if (edge >= 0) {
                return edgeTarget[edge];
            }
            state = fail[state];
        }
        return rootNext[c];
    }

    private static int find(int[] edgeStart, int[] edgeEnd, char[] edgeChar, int state, char c) {
        int lo = edgeStart[state];
        int hi = edgeEnd[state] - 1;
        if (hi - lo < 8) {
            for (int i = lo; i <= hi; i++) {
                if (edgeChar[i] == c) {
                    return i;
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}

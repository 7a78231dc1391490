package io.weft.loadgen.target;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a RESP run sends: a mix of known commands by weight ({@code --ratio set:get=1:10}) or one command
 * template ({@code --command "SET __key__ __value__"}). The mix is laid out once as a cycle of template
 * indexes holding each command exactly as often as its weight says, spread evenly, which every connection
 * then walks.
 */
public final class RespWorkload {

    /** Most requests one cycle may hold, so that the cycle stays small. */
    static final int MAX_TOTAL_WEIGHT = 10_000;

    private final String description;
    private final List<RespTemplate> templates;
    private final int[] cycle;

    private RespWorkload(String description, List<RespTemplate> templates, int[] weights) {
        this.description = description;
        this.templates = valuesPredictable(templates) ? templates : withoutValueChecks(templates);
        this.cycle = interleave(weights);
    }

    /**
     * A mix such as {@code set:get=1:10}: command names from {@link RespCommands}, in any case, then as
     * many weights, each from 1 to {@value #MAX_TOTAL_WEIGHT}.
     *
     * @throws IllegalArgumentException for a malformed mix, an unknown name, or weights adding up to more
     *                                  than {@value #MAX_TOTAL_WEIGHT}
     */
    public static RespWorkload ratio(String spec) {
        String[] sides = spec.trim().split("=", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException(
                    "expected NAME:NAME=WEIGHT:WEIGHT, e.g. set:get=1:10, not '" + spec + "'");
        }
        String[] names = sides[0].split(":", -1);
        String[] weightText = sides[1].split(":", -1);
        if (names.length != weightText.length) {
            throw new IllegalArgumentException(
                    "'" + spec + "' has " + names.length + " commands but " + weightText.length + " weights");
        }
        List<RespTemplate> templates = new ArrayList<>();
        int[] weights = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            RespCommands.Entry e = RespCommands.lookup(names[i].trim());
            if (e == null) {
                throw new IllegalArgumentException("unknown command '" + names[i] + "' in '" + spec + "'; known: "
                        + RespCommands.names() + " (or use a command template)");
            }
            templates.add(RespTemplate.parse(e.template()));
            weights[i] = parseWeight(weightText[i], spec);
        }
        String label = String.join(":", templates.stream().map(RespTemplate::name).toList()) + "=" + sides[1].trim();
        return new RespWorkload(label, templates, weights);
    }

    /**
     * One command template, sent on every request (see {@link RespTemplate#parse}).
     *
     * @throws IllegalArgumentException for a blank template or one starting with a placeholder
     */
    public static RespWorkload command(String template) {
        RespTemplate t = RespTemplate.parse(template);
        return new RespWorkload("\"" + t.text() + "\"", List.of(t), new int[] {1});
    }

    private static int parseWeight(String text, String spec) {
        try {
            int w = Integer.parseInt(text.trim());
            if (w >= 1 && w <= MAX_TOTAL_WEIGHT) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below, like a weight out of range
        }
        throw new IllegalArgumentException(
                "weight '" + text + "' in '" + spec + "' must be a whole number from 1 to " + MAX_TOTAL_WEIGHT);
    }

    /**
     * Whether a GET can know the value of its key: only when everything that writes string keys is one of
     * the table's own commands, which write {@link KeyValueBytes} values. A user's template could store
     * anything there.
     */
    private static boolean valuesPredictable(List<RespTemplate> templates) {
        byte[] strings = RespCommands.STRING_PREFIX.getBytes(StandardCharsets.US_ASCII);
        return templates.stream()
                .filter(t -> Arrays.equals(t.keyPrefix(), strings))
                .allMatch(t -> RespCommands.isTableForm(t.text()));
    }

    /** The templates with GET's value check relaxed to "a bulk string or nil". */
    private static List<RespTemplate> withoutValueChecks(List<RespTemplate> templates) {
        return templates.stream()
                .map(t -> t.expectation() == RespExpectation.VALUE_OR_NIL
                        ? t.expecting(RespExpectation.BULK_OR_NIL) : t)
                .toList();
    }

    /**
     * Lays out one cycle of {@code sum(weights)} slots in which template {@code i} fills exactly
     * {@code weights[i]} slots, as evenly spaced as possible. This is smooth weighted round-robin (as in
     * nginx's upstream balancing): every slot, each template earns its weight in credit; the richest one,
     * the first on a tie, takes the slot and pays the total. For 1:3 it gives 1, 0, 1, 1 rather than
     * 0, 1, 1, 1, so short runs see the intended mix too.
     *
     * @throws IllegalArgumentException if the weights add up to more than {@value #MAX_TOTAL_WEIGHT}
     */
    static int[] interleave(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        if (total > MAX_TOTAL_WEIGHT) {
            throw new IllegalArgumentException("weights add up to " + total + "; at most " + MAX_TOTAL_WEIGHT);
        }
        int[] cycle = new int[total];
        long[] credit = new long[weights.length];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                credit[i] += weights[i];
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= total;
            cycle[slot] = best;
        }
        return cycle;
    }

    List<RespTemplate> templates() {
        return templates;
    }

    /** Indexes into {@link #templates()}, one per request, to be sent in this order, round and round. */
    int[] cycle() {
        return cycle;
    }

    /** Whether any command sends a key, that is whether the key pattern and keyspace matter. */
    public boolean usesKeys() {
        return templates.stream().anyMatch(RespTemplate::usesKey);
    }

    /** The workload for reports: {@code SET:GET=1:10}, or the template in quotes. */
    @Override
    public String toString() {
        return description;
    }
}

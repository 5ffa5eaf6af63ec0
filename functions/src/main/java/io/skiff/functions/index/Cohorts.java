package io.skiff.functions.index;

import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Posting lists as {@link RoaringBitmap}s of item ordinals, combined into cohorts: the items in all
 * of them, in any, in one but not another, or in at least some number of them (what a
 * {@link io.skiff.functions.Probe.Terms} probe asks for). The inputs are never changed.
 */
public final class Cohorts {

    private Cohorts() {
    }

    /** The items in every bitmap; at least one bitmap is needed (there is no "every item"). */
    public static RoaringBitmap and(List<RoaringBitmap> bitmaps) {
        if (bitmaps.isEmpty()) {
            throw new IllegalArgumentException("The intersection of no bitmaps is not defined");
        }
        return FastAggregation.and(bitmaps.iterator());
    }

    /** The items in any bitmap; empty for none. */
    public static RoaringBitmap or(List<RoaringBitmap> bitmaps) {
        return FastAggregation.or(bitmaps.iterator());
    }

    /** The items in {@code in} and not in {@code out}. */
    public static RoaringBitmap andNot(RoaringBitmap in, RoaringBitmap out) {
        return RoaringBitmap.andNot(in, out);
    }

    /**
     * The items in at least {@code minMatches} of the bitmaps (1: any, all of them: every). Keeps,
     * for each count up to {@code minMatches}, the items seen that many times so far: one pass of
     * {@code minMatches} bitmap operations per bitmap.
     */
    public static RoaringBitmap atLeast(List<RoaringBitmap> bitmaps, int minMatches) {
        if (minMatches < 1 || minMatches > bitmaps.size()) {
            throw new IllegalArgumentException("minMatches must be from 1 to " + bitmaps.size() + ", not " + minMatches);
        }
        // seen.get(j): the items in at least j + 1 of the bitmaps read so far.
        List<RoaringBitmap> seen = new ArrayList<>(minMatches);
        for (int j = 0; j < minMatches; j++) {
            seen.add(new RoaringBitmap());
        }
        for (RoaringBitmap bitmap : bitmaps) {
            for (int j = minMatches - 1; j > 0; j--) {
                seen.get(j).or(RoaringBitmap.and(seen.get(j - 1), bitmap));
            }
            seen.get(0).or(bitmap);
        }
        return seen.get(minMatches - 1);
    }
}

package io.seedfleet.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParentPickerTest {

    @Test
    void selfReferenceTreesStayWithinTheirDepth() {
        long rows = 100_000;
        ParentPicker tree = ParentPicker.tree(rows, 42);
        int deepest = 0;
        for (long row = 0; row < rows; row += 7) {
            int depth = 1;
            for (long p = tree.pick(row); p >= 0; p = tree.pick(p)) {
                assertThat(p).as("a parent comes before its child").isLessThan(row);
                depth++;
            }
            deepest = Math.max(deepest, depth);
        }
        assertThat(deepest).isEqualTo(ParentPicker.TREE_DEPTH);
    }

    @Test
    void fanOutIsSkewedButEveryPickIsAParent() {
        int parents = 1_000;
        long[] children = new long[parents];
        ParentPicker picker = ParentPicker.powerLaw(parents, 7, 1.6);
        for (long row = 0; row < 200_000; row++) {
            long p = picker.pick(row);
            assertThat(p).isBetween(0L, (long) parents - 1);
            children[(int) p]++;
        }
        long[] sorted = Arrays.stream(children).sorted().toArray();
        long busiestTenth = Arrays.stream(sorted, parents - parents / 10, parents).sum();
        assertThat(busiestTenth / 200_000.0).as("share of the busiest tenth of parents").isBetween(0.18, 0.35);
        assertThat(Arrays.stream(children).filter(c -> c == 0).count()).as("parents without children").isLessThan(parents / 10);
    }
}
